package org.opportune.rest.internal.json;

import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** JSON merge patch, RFC 7396. Neither argument is modified. */
public final class JsonMergePatch {

    private JsonMergePatch() {
    }

    /** The RFC's MergePatch(target, patch): a {@code null} member in the patch removes the member. */
    public static JsonNode apply(JsonNode target, JsonNode patch) {
        return merge(target, patch, false);
    }

    /**
     * Like {@link #apply} but a {@code null} member stays an explicit {@code null} instead of being
     * removed. For binding to a record that is the same thing, except for primitive fields: there a
     * removed member would silently become {@code false} or {@code 0}, while an explicit null is
     * refused by the binding with a 400 naming the field.
     */
    public static JsonNode applyKeepingNulls(JsonNode target, JsonNode patch) {
        return merge(target, patch, true);
    }

    private static JsonNode merge(JsonNode target, JsonNode patch, boolean keepNulls) {
        if (patch == null || !patch.isObject()) {
            return patch == null ? NullNode.getInstance() : patch.deepCopy();
        }
        ObjectNode result = target != null && target.isObject() ? ((ObjectNode) target).deepCopy()
                : JsonNodeFactory.instance.objectNode();
        for (Map.Entry<String, JsonNode> member : patch.properties()) {
            String name = member.getKey();
            JsonNode value = member.getValue();
            if (value.isNull()) {
                if (keepNulls) {
                    result.putNull(name);
                } else {
                    result.remove(name);
                }
            } else {
                result.set(name, merge(result.get(name), value, keepNulls));
            }
        }
        return result;
    }
}
