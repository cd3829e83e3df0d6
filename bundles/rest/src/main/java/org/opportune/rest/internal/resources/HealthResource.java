package org.opportune.rest.internal.resources;

import static org.osgi.service.component.annotations.ReferenceCardinality.OPTIONAL;
import static org.osgi.service.component.annotations.ReferencePolicy.DYNAMIC;
import static org.osgi.service.component.annotations.ReferencePolicyOption.GREEDY;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.sql.DataSource;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;

import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;

import org.opportune.api.RestWhiteboard;
import org.opportune.rest.internal.whiteboard.StartingGate;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /health}, without credentials: the database answers, the API has started (while the node starts,
 * every other path answers 503), and each installed module runs. 200 when all are UP, else 503 with the same
 * body: a client or load balancer that waits for 200 is then answered on every path.
 */
@Component(service = HealthResource.class, property = RestWhiteboard.RESOURCE)
@Path("health")
@Produces(MediaType.APPLICATION_JSON)
public class HealthResource {
    private static final Logger LOG = LoggerFactory.getLogger(HealthResource.class);
    private static final int VALIDATION_TIMEOUT_SECONDS = 2;

    @Reference(cardinality = OPTIONAL, policy = DYNAMIC, policyOption = GREEDY, target = "(dataSourceName=opportune)")
    volatile DataSource database;

    private final ModuleStates installed;

    @Activate
    public HealthResource(BundleContext context, @Reference ServiceComponentRuntime components) {
        this(new InstalledModules(context, components));
    }

    HealthResource(ModuleStates installed) {
        this.installed = installed;
    }

    @GET
    @ApiResponse(responseCode = "200",
            description = "UP: the database answers, the API has started and every installed module runs",
            content = @Content(schema = @Schema(implementation = Health.class)))
    @ApiResponse(responseCode = "503",
            description = "DOWN, naming what is down: the database, the API (still starting) or a module",
            content = @Content(schema = @Schema(implementation = Health.class)))
    public Response health(@Context ContainerRequestContext request) {
        Map<String, String> modules = new LinkedHashMap<>();
        modules.put("database", state(databaseAnswers()));
        modules.put("api", state(request.getProperty(StartingGate.STARTING) == null));
        installed.modules().forEach((module, running) -> modules.put(module, state(running)));
        boolean up = modules.values().stream().allMatch(Health.UP::equals);
        Health health = new Health(up ? Health.UP : Health.DOWN, modules);
        return Response.status(up ? Response.Status.OK : Response.Status.SERVICE_UNAVAILABLE).entity(health).build();
    }

    private boolean databaseAnswers() {
        DataSource dataSource = database;
        if (dataSource == null) {
            return false;
        }
        try (Connection connection = dataSource.getConnection()) {
            return connection.isValid(VALIDATION_TIMEOUT_SECONDS);
        } catch (SQLException | RuntimeException e) {
            LOG.warn("the database does not answer: {}", e.getMessage());
            return false;
        }
    }

    private static String state(boolean up) {
        return up ? Health.UP : Health.DOWN;
    }
}
