package org.opportune.rest.internal.resources;

import static org.osgi.service.component.annotations.ReferenceCardinality.MULTIPLE;
import static org.osgi.service.component.annotations.ReferenceCardinality.OPTIONAL;
import static org.osgi.service.component.annotations.ReferencePolicy.DYNAMIC;
import static org.osgi.service.component.annotations.ReferencePolicyOption.GREEDY;

import java.util.List;
import java.util.Map;
import java.util.function.Function;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.UriInfo;

import org.opportune.api.RestWhiteboard;
import org.opportune.api.UsageCheck;
import org.opportune.api.cycle.SalesCycleService;
import org.opportune.api.opportunity.MoveParticipant;
import org.opportune.api.opportunity.OpportunityService;
import org.opportune.api.report.ReportService;
import org.opportune.rest.internal.http.QueryParameters;
import org.opportune.rest.internal.whiteboard.RegisteredResources;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code /extensions}: what is plugged in right now. Each kind of extension comes from the module
 * that owns it, through one optional dynamic reference: a module that is absent contributes an
 * empty list and the answer is still 200. Usage checks and move participants, which no module
 * lists, are tracked here as their owners track them.
 */
@Component(service = ExtensionsResource.class, property = RestWhiteboard.RESOURCE)
@Path("extensions")
@Produces(MediaType.APPLICATION_JSON)
public class ExtensionsResource {
    /**
     * The whiteboard serving this very resource: optional and dynamic because the whiteboard gets
     * this resource while it is itself being activated (a mandatory reference would be a cycle).
     */
    @Reference(cardinality = OPTIONAL, policy = DYNAMIC, policyOption = GREEDY)
    volatile RegisteredResources resources;

    /** The probability models, as the cycles module has them registered. */
    @Reference(cardinality = OPTIONAL, policy = DYNAMIC, policyOption = GREEDY)
    volatile SalesCycleService cycles;

    /** The transition rules, as the opportunities module has them registered. */
    @Reference(cardinality = OPTIONAL, policy = DYNAMIC, policyOption = GREEDY)
    volatile OpportunityService opportunities;

    /** The reports, as the reporting module has them registered. */
    @Reference(cardinality = OPTIONAL, policy = DYNAMIC, policyOption = GREEDY)
    volatile ReportService reports;

    private final PluggedInServices<UsageCheck> usageChecks = new PluggedInServices<>("usage check",
            UsageCheck.NAME_PROPERTY, UsageCheck.RESOURCE);
    private final PluggedInServices<MoveParticipant> moveParticipants = new PluggedInServices<>("move participant",
            MoveParticipant.NAME_PROPERTY, null);

    @Reference(cardinality = MULTIPLE, policy = DYNAMIC, policyOption = GREEDY)
    void addUsageCheck(UsageCheck check, Map<String, Object> properties) {
        usageChecks.add(check, properties);
    }

    void updatedUsageCheck(UsageCheck check, Map<String, Object> properties) {
        usageChecks.update(check, properties);
    }

    void removeUsageCheck(UsageCheck check) {
        usageChecks.remove(check);
    }

    @Reference(cardinality = MULTIPLE, policy = DYNAMIC, policyOption = GREEDY)
    void addMoveParticipant(MoveParticipant participant, Map<String, Object> properties) {
        moveParticipants.add(participant, properties);
    }

    void updatedMoveParticipant(MoveParticipant participant, Map<String, Object> properties) {
        moveParticipants.update(participant, properties);
    }

    void removeMoveParticipant(MoveParticipant participant) {
        moveParticipants.remove(participant);
    }

    @GET
    public Extensions extensions(@Context UriInfo uri) {
        QueryParameters.only(uri);
        return new Extensions(
                listed(cycles, service -> service.probabilityModels().stream()
                        .map(Extensions.ProbabilityModelEntry::of).toList()),
                listed(opportunities, service -> service.transitionRules().stream()
                        .map(Extensions.TransitionRuleEntry::of).toList()),
                listed(reports, service -> service.registrations().stream().map(Extensions.ReportEntry::of)
                        .toList()),
                listed(resources, RegisteredResources::resources),
                usageChecks.registrations().stream().map(Extensions.UsageCheckEntry::of).toList(),
                moveParticipants.registrations().stream().map(Extensions.MoveParticipantEntry::of).toList());
    }

    /** What a module lists, or nothing while it is absent. */
    private static <S, T> List<T> listed(S module, Function<S, List<T>> listing) {
        return module == null ? List.of() : listing.apply(module);
    }
}
