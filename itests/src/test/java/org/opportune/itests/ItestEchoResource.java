package org.opportune.itests;

import java.util.Map;

import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.MediaType;

import org.opportune.api.ValidationException;

/**
 * A third party's JAX-RS resource: a plain object registered by a test as a service with
 * {@code opportune.jaxrs.resource=true}, served by Opportune's whiteboard under {@code /api/v1/itest-echo}.
 */
@Path("itest-echo")
@Produces(MediaType.APPLICATION_JSON)
public class ItestEchoResource {

    @GET
    public Map<String, String> echo(@QueryParam("text") String text) {
        if (text == null || text.isBlank()) {
            throw new ValidationException("text", "is required");
        }
        return Map.of("echo", text);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Map<String, Object> echoBody(Map<String, Object> body) {
        return Map.of("echo", body);
    }
}
