package org.opportune.rest.internal.resources;

import static org.osgi.service.component.annotations.ReferenceCardinality.OPTIONAL;
import static org.osgi.service.component.annotations.ReferencePolicy.DYNAMIC;
import static org.osgi.service.component.annotations.ReferencePolicyOption.GREEDY;

import java.time.Instant;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.UriInfo;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Schema;

import org.opportune.api.RestWhiteboard;
import org.opportune.api.ValidationException;
import org.opportune.api.audit.AuditLog;
import org.opportune.api.audit.AuditQuery;
import org.opportune.rest.internal.dto.AuditRecordDto;
import org.opportune.rest.internal.dto.Page;
import org.opportune.rest.internal.http.Paging;
import org.opportune.rest.internal.http.QueryParameters;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** {@code /audit}: the audit log, newest first, for the administrator (the log itself checks that too). */
@Component(service = AuditResource.class, property = RestWhiteboard.RESOURCE)
@Path("audit")
@Produces(MediaType.APPLICATION_JSON)
public class AuditResource {
    private static final String TIMESTAMP = "an ISO-8601 timestamp (2024-01-31T12:00:00Z) or a date, which means "
            + "its start in UTC";

    /** Optional and dynamic: the log is the persistence module's; without it this answers 503. */
    @Reference(cardinality = OPTIONAL, policy = DYNAMIC, policyOption = GREEDY)
    volatile AuditLog audit;

    @GET
    @Operation(summary = "Who created, changed or deleted which record, when; newest first unless sorted "
            + "(at, userName, action, entity, key)")
    @Parameter(name = "entity", in = ParameterIn.QUERY, description = "the kind of record, exactly: salesperson, "
            + "contact, sales-cycle, close-opportunity-code, opportunity", schema = @Schema(type = "string"))
    @Parameter(name = "key", in = ParameterIn.QUERY, description = "the record's code or no., exactly",
            schema = @Schema(type = "string"))
    @Parameter(name = "user", in = ParameterIn.QUERY, description = "who made the change, exactly",
            schema = @Schema(type = "string"))
    @Parameter(name = "from", in = ParameterIn.QUERY, description = "written at or after: " + TIMESTAMP,
            schema = @Schema(type = "string"))
    @Parameter(name = "to", in = ParameterIn.QUERY, description = "written before: " + TIMESTAMP,
            schema = @Schema(type = "string"))
    public Page<AuditRecordDto> list(@Context UriInfo uri) {
        QueryParameters parameters = QueryParameters.forList(uri, "entity", "key", "user", "from", "to");
        Instant from = parameters.instant("from");
        Instant to = parameters.instant("to");
        if (from != null && to != null && to.isBefore(from)) {
            throw new ValidationException("to", "must not be before from");
        }
        AuditQuery query = new AuditQuery(parameters.text("entity"), parameters.text("key"), parameters.text("user"),
                from, to);
        return Page.of(Module.running(audit, "persistence").find(query, Paging.from(parameters)),
                AuditRecordDto::of);
    }
}
