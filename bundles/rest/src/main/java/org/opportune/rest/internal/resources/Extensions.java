package org.opportune.rest.internal.resources;

import java.util.List;

import org.opportune.api.probability.ProbabilityModelInfo;
import org.opportune.api.report.ReportRegistrationInfo;
import org.opportune.api.rule.TransitionRuleInfo;
import org.opportune.api.whiteboard.RankedRegistry;
import org.opportune.rest.internal.whiteboard.RegisteredResource;

/**
 * What {@code /extensions} answers: what is plugged in right now.
 *
 * @param transitionRules empty while the opportunities module is absent
 * @param reports         empty while the reporting module is absent
 * @param resources       the JAX-RS resources the API serves now
 * @param usageChecks     the usage checks guarding deletes, by the kind of record they check
 * @param moveParticipants the modules taking part in every move
 */
public record Extensions(List<ProbabilityModelEntry> probabilityModels, List<TransitionRuleEntry> transitionRules,
        List<ReportEntry> reports, List<RegisteredResource> resources, List<UsageCheckEntry> usageChecks,
        List<MoveParticipantEntry> moveParticipants) {

    public Extensions {
        probabilityModels = List.copyOf(probabilityModels);
        transitionRules = List.copyOf(transitionRules);
        reports = List.copyOf(reports);
        resources = List.copyOf(resources);
        usageChecks = List.copyOf(usageChecks);
        moveParticipants = List.copyOf(moveParticipants);
    }

    /**
     * One registered usage check.
     *
     * @param resource the kind of record it checks ({@code opportune.usage.resource})
     * @param active   false when another check of the same name and kind outranks this one, or it is refused
     * @param problem  why it is refused, null when it is not
     */
    public record UsageCheckEntry(String name, String resource, String bundle, int ranking, boolean active,
            String problem) {

        static UsageCheckEntry of(PluggedInServices.Grouped<?> grouped) {
            RankedRegistry.Registration<?> registration = grouped.registration();
            return new UsageCheckEntry(registration.name(), grouped.group(), registration.bundle(),
                    registration.ranking(), registration.active(), registration.problem());
        }
    }

    /**
     * One registered move participant.
     *
     * @param active  false when another participant of the same name outranks this one, or it is refused
     * @param problem why it is refused, null when it is not
     */
    public record MoveParticipantEntry(String name, String bundle, int ranking, boolean active, String problem) {

        static MoveParticipantEntry of(PluggedInServices.Grouped<?> grouped) {
            RankedRegistry.Registration<?> registration = grouped.registration();
            return new MoveParticipantEntry(registration.name(), registration.bundle(), registration.ranking(),
                    registration.active(), registration.problem());
        }
    }

    /**
     * One registered probability model, in the field order of API.md.
     *
     * @param bundle  the symbolic name of the bundle that brings it, null when unknown
     * @param active  false when another registration of the same name outranks this one, or it is refused
     * @param problem why it is refused, null when it is not
     */
    public record ProbabilityModelEntry(String name, String bundle, int ranking, String description,
            boolean active, String problem) {

        static ProbabilityModelEntry of(ProbabilityModelInfo info) {
            return new ProbabilityModelEntry(info.name(), info.bundle(), info.ranking(), info.description(),
                    info.active(), info.problem());
        }
    }

    /**
     * One registered transition rule, in the field order of API.md.
     *
     * @param description null when the rule's service does not say
     * @param bundle      the symbolic name of the bundle that brings it, null when unknown
     * @param active      false when another registration of the same name outranks this one, or it is refused
     * @param problem     why it is refused, null when it is not
     */
    public record TransitionRuleEntry(String name, String description, String bundle, int ranking, boolean active,
            String problem) {

        static TransitionRuleEntry of(TransitionRuleInfo info) {
            return new TransitionRuleEntry(info.name(), info.description(), info.bundle(), info.ranking(),
                    info.active(), info.problem());
        }
    }

    /**
     * One registered report, in the field order of API.md.
     *
     * @param title   null when the report cannot say
     * @param bundle  the symbolic name of the bundle that brings it, null when unknown
     * @param active  false when another registration of the same id outranks this one, or it is refused
     * @param problem why it is refused, null when it is not
     */
    public record ReportEntry(String id, String title, String bundle, boolean chart, int ranking, boolean active,
            String problem) {

        static ReportEntry of(ReportRegistrationInfo info) {
            return new ReportEntry(info.id(), info.title(), info.bundle(), info.chart(), info.ranking(),
                    info.active(), info.problem());
        }
    }
}
