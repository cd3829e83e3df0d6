package org.opportune.rest.internal.json;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Proxy;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import javax.ws.rs.core.GenericType;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.MultivaluedHashMap;
import javax.ws.rs.core.Response;

import org.junit.Test;

public class JsonBodiesTest {
    private final JsonBodies bodies = new JsonBodies(ApiObjectMapper.create());

    /** The resource method's annotations, which must not be looked at: each use of one fails. */
    private static final Annotation[] UNTOUCHABLE = {(Annotation) Proxy.newProxyInstance(
            JsonBodiesTest.class.getClassLoader(), new Class<?>[] {Deprecated.class}, (proxy, method, args) -> {
                throw new AssertionError("the annotation's " + method.getName() + " was called");
            })};

    record Item(String code, BigDecimal amount) {
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private Object read(String json, Class<?> type, Type genericType) throws Exception {
        InputStream body = new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8));
        return bodies.readFrom((Class) type, genericType, UNTOUCHABLE, MediaType.APPLICATION_JSON_TYPE,
                new MultivaluedHashMap<>(), body);
    }

    private String write(Object value, Type genericType) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        bodies.writeTo(value, value.getClass(), genericType, UNTOUCHABLE, MediaType.APPLICATION_JSON_TYPE,
                new MultivaluedHashMap<>(), out);
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    public void readsAndWritesWithTheApisMapperWithoutLookingAtTheAnnotations() throws Exception {
        assertEquals(new Item("JO", new BigDecimal("12.50")), read("{\"code\":\"JO\",\"amount\":12.50}", Item.class,
                Item.class));
        assertEquals("{\"code\":\"JO\",\"amount\":12.50}", write(new Item("JO", new BigDecimal("12.50")), Item.class));
    }

    @Test
    public void anEmptyBodyReadsAsNull() throws Exception {
        assertNull(read("", Item.class, Item.class));
    }

    @Test
    public void aListIsReadAndWrittenAsItsDeclaredType() throws Exception {
        Type items = new GenericType<List<Item>>() { }.getType();
        assertEquals(List.of(new Item("A", BigDecimal.ONE)), read("[{\"code\":\"A\",\"amount\":1}]", List.class,
                items));
        assertEquals("[{\"code\":\"A\",\"amount\":1}]", write(List.of(new Item("A", BigDecimal.ONE)), items));
    }

    @Test
    public void onlyApplicationJsonAndNeverTextBytesStreamsOrResponses() {
        assertTrue(bodies.isWriteable(Item.class, Item.class, UNTOUCHABLE,
                MediaType.valueOf("application/json; charset=UTF-8")));
        assertFalse(bodies.isWriteable(Item.class, Item.class, UNTOUCHABLE,
                MediaType.valueOf("application/problem+json")));
        assertFalse(bodies.isReadable(Map.class, Map.class, UNTOUCHABLE,
                MediaType.valueOf("application/merge-patch+json")));
        assertFalse(bodies.isWriteable(Item.class, Item.class, UNTOUCHABLE, MediaType.WILDCARD_TYPE));
        for (Class<?> type : List.of(String.class, byte[].class, InputStream.class, Response.class)) {
            assertFalse(type.getName(), bodies.isWriteable(type, type, UNTOUCHABLE, MediaType.APPLICATION_JSON_TYPE));
            assertFalse(type.getName(), bodies.isReadable(type, type, UNTOUCHABLE, MediaType.APPLICATION_JSON_TYPE));
        }
    }
}
