package org.opportune.rest.internal.json;

import javax.ws.rs.BadRequestException;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.ext.ContextResolver;
import javax.ws.rs.ext.Providers;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Applies a JSON merge patch to an API record: the record as JSON, patched, bound back with the
 * same strict mapper as a request body, so a wrong field is the same 400 as in a PUT.
 */
public final class MergePatcher {
    private final ObjectMapper mapper;

    public MergePatcher(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** The patcher using the application's mapper, as Jersey's Jackson provider sees it. */
    public static MergePatcher using(Providers providers) {
        ContextResolver<ObjectMapper> resolver = providers.getContextResolver(ObjectMapper.class,
                MediaType.APPLICATION_JSON_TYPE);
        ObjectMapper mapper = resolver == null ? null : resolver.getContext(Object.class);
        if (mapper == null) {
            throw new IllegalStateException("no ObjectMapper is registered with the application");
        }
        return new MergePatcher(mapper);
    }

    /**
     * @param current the record as it is now
     * @param patch   the merge patch; must be a JSON object
     * @throws BadRequestException     the patch is missing or not an object
     * @throws JsonProcessingException the patched document does not bind to the record (a 400 naming the field)
     */
    public <T> T apply(T current, JsonNode patch, Class<T> type) throws JsonProcessingException {
        if (patch == null || patch.isMissingNode() || patch.isNull()) {
            throw new BadRequestException("a merge patch body is required");
        }
        if (!patch.isObject()) {
            throw new BadRequestException("a merge patch must be a JSON object");
        }
        JsonNode merged = JsonMergePatch.applyKeepingNulls(mapper.valueToTree(current), patch);
        return mapper.treeToValue(merged, type);
    }
}
