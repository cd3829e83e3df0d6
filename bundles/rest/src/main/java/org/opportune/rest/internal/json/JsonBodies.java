package org.opportune.rest.internal.json;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PushbackInputStream;
import java.io.Reader;
import java.lang.annotation.Annotation;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.Set;

import javax.annotation.Priority;
import javax.ws.rs.Consumes;
import javax.ws.rs.Priorities;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.MultivaluedMap;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.StreamingOutput;
import javax.ws.rs.ext.MessageBodyReader;
import javax.ws.rs.ext.MessageBodyWriter;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;

/**
 * Reads and writes {@code application/json} bodies with the API's {@link ObjectMapper}, as Jackson's JAX-RS provider
 * did, without what made that provider cost 15–25 % of a request thread's CPU: it keys its per-endpoint cache by the
 * resource method's annotations and hashes them on every read and write, and the OpenAPI annotations make that a
 * reflective walk over hundreds of members. The API configures nothing through those annotations ({@code @JsonView}
 * and the like are not used). Other JSON media types (merge patches) are still Jackson's provider's; problem
 * documents are written as bytes by {@code ProblemMapper} and {@code ProblemBodies}.
 * <p>
 * Like Jackson's provider: an empty body reads as null (the resources answer 400 where they need one, see
 * {@code RequestBody}), a parameterized type (a list of records) is written as that type, and text, bytes, streams
 * and responses are left to Jersey's own providers.
 */
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@Priority(Priorities.ENTITY_CODER) // Jersey asks the providers of a media type in the order of their priority
public final class JsonBodies implements MessageBodyReader<Object>, MessageBodyWriter<Object> {
    /** What Jersey's own providers read and write in any media type. */
    private static final Set<Class<?>> NOT_JSON = Set.of(String.class, byte[].class, char[].class, Response.class);

    private final ObjectMapper mapper;
    private final ObjectReader reader;
    private final ObjectWriter writer;

    public JsonBodies(ObjectMapper mapper) {
        this.mapper = mapper;
        this.reader = mapper.reader();
        // as Jackson's provider: the body is the response, the stream is Jersey's to close
        this.writer = mapper.writer().without(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
    }

    private static boolean handles(Class<?> type, MediaType mediaType) {
        return mediaType != null && MediaType.APPLICATION_JSON_TYPE.isCompatible(mediaType)
                && !mediaType.isWildcardType() && !mediaType.isWildcardSubtype() && !NOT_JSON.contains(type)
                && !InputStream.class.isAssignableFrom(type) && !Reader.class.isAssignableFrom(type)
                && !StreamingOutput.class.isAssignableFrom(type);
    }

    @Override
    public boolean isReadable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return handles(type, mediaType);
    }

    @Override
    public Object readFrom(Class<Object> type, Type genericType, Annotation[] annotations, MediaType mediaType,
            MultivaluedMap<String, String> httpHeaders, InputStream entityStream) throws IOException {
        PushbackInputStream body = new PushbackInputStream(entityStream, 1);
        int first = body.read();
        if (first == -1) {
            return null;
        }
        body.unread(first);
        return reader.forType(mapper.constructType(genericType == null ? type : genericType)).readValue(body);
    }

    @Override
    public boolean isWriteable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return handles(type, mediaType);
    }

    @Override
    public void writeTo(Object value, Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType,
            MultivaluedMap<String, Object> httpHeaders, OutputStream entityStream) throws IOException {
        ObjectWriter forValue = writer;
        if (value != null && genericType instanceof ParameterizedType) {
            JavaType declared = mapper.getTypeFactory().constructSpecializedType(mapper.constructType(genericType),
                    value.getClass());
            if (declared.getRawClass() != Object.class) {
                forValue = writer.forType(declared);
            }
        }
        forValue.writeValue(entityStream, value);
    }
}
