package org.opportune.rest.internal.json;

import static org.junit.Assert.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.Test;

/** RFC 7396, Appendix A and section 3, plus the binding variant that keeps nulls. */
public class JsonMergePatchTest {
    private final ObjectMapper mapper = new ObjectMapper();

    @Test
    public void appendixAExamples() throws Exception {
        check("{\"a\":\"b\"}", "{\"a\":\"c\"}", "{\"a\":\"c\"}");
        check("{\"a\":\"b\"}", "{\"b\":\"c\"}", "{\"a\":\"b\",\"b\":\"c\"}");
        check("{\"a\":\"b\"}", "{\"a\":null}", "{}");
        check("{\"a\":\"b\",\"b\":\"c\"}", "{\"a\":null}", "{\"b\":\"c\"}");
        check("{\"a\":[\"b\"]}", "{\"a\":\"c\"}", "{\"a\":\"c\"}");
        check("{\"a\":\"c\"}", "{\"a\":[\"b\"]}", "{\"a\":[\"b\"]}");
        check("{\"a\":{\"b\":\"c\"}}", "{\"a\":{\"b\":\"d\",\"c\":null}}", "{\"a\":{\"b\":\"d\"}}");
        check("{\"a\":[{\"b\":\"c\"}]}", "{\"a\":[1]}", "{\"a\":[1]}");
        check("[\"a\",\"b\"]", "[\"c\",\"d\"]", "[\"c\",\"d\"]");
        check("{\"a\":\"b\"}", "[\"c\"]", "[\"c\"]");
        check("{\"a\":\"foo\"}", "null", "null");
        check("{\"a\":\"foo\"}", "\"bar\"", "\"bar\"");
        check("{\"e\":null}", "{\"a\":1}", "{\"e\":null,\"a\":1}");
        check("[1,2]", "{\"a\":\"b\",\"c\":null}", "{\"a\":\"b\"}");
        check("{}", "{\"a\":{\"bb\":{\"ccc\":null}}}", "{\"a\":{\"bb\":{}}}");
    }

    @Test
    public void sectionThreeExample() throws Exception {
        check("{\"title\":\"Goodbye!\",\"author\":{\"givenName\":\"John\",\"familyName\":\"Doe\"},"
                + "\"tags\":[\"example\",\"sample\"],\"content\":\"This will be unchanged\"}",
                "{\"title\":\"Hello!\",\"phoneNumber\":\"+01-123-456-7890\",\"author\":{\"familyName\":null},"
                        + "\"tags\":[\"example\"]}",
                "{\"title\":\"Hello!\",\"author\":{\"givenName\":\"John\"},\"tags\":[\"example\"],"
                        + "\"content\":\"This will be unchanged\",\"phoneNumber\":\"+01-123-456-7890\"}");
    }

    @Test
    public void neitherArgumentIsChanged() throws Exception {
        JsonNode target = mapper.readTree("{\"a\":{\"b\":1},\"c\":2}");
        JsonNode patch = mapper.readTree("{\"a\":{\"b\":null},\"c\":3}");

        JsonMergePatch.apply(target, patch);

        assertEquals(mapper.readTree("{\"a\":{\"b\":1},\"c\":2}"), target);
        assertEquals(mapper.readTree("{\"a\":{\"b\":null},\"c\":3}"), patch);
    }

    @Test
    public void forBindingANullStaysAnExplicitNull() throws Exception {
        JsonNode merged = JsonMergePatch.applyKeepingNulls(mapper.readTree("{\"a\":\"b\",\"n\":{\"x\":1,\"y\":2}}"),
                mapper.readTree("{\"a\":null,\"n\":{\"x\":null}}"));

        assertEquals(mapper.readTree("{\"a\":null,\"n\":{\"x\":null,\"y\":2}}"), merged);
    }

    private void check(String original, String patch, String expected) throws Exception {
        assertEquals(original + " + " + patch, mapper.readTree(expected),
                JsonMergePatch.apply(mapper.readTree(original), mapper.readTree(patch)));
    }
}
