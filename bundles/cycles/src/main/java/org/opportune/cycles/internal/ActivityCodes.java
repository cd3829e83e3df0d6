package org.opportune.cycles.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

import org.opportune.api.Codes;
import org.opportune.api.FieldError;
import org.opportune.api.UnavailableException;
import org.opportune.api.Violations;
import org.opportune.api.cycle.SalesCycleStage;
import org.opportune.api.cycle.StageValues;
import org.opportune.api.task.ActivityService;

/**
 * Whether the activity codes a change gives its stages name activities (DOMAIN §10). The activities belong to the
 * tasks module, whose {@link ActivityService} comes and goes at runtime. Only a code a stage takes anew is asked
 * about: a stage that keeps its code keeps working while the tasks module is stopped.
 * <p>
 * The service reads on a connection of its own, so the sales cycle service asks before its transaction and takes
 * the answer into it ({@link Checked}); inside the transaction only a code that was not asked about before (a
 * stage changed by someone else meanwhile) is asked again.
 */
final class ActivityCodes {
    static final String UNAVAILABLE = "the tasks module is not available: activity codes cannot be checked";

    /** A code a stage takes, and the field that gives it (e.g. {@code stages[1].activityCode}). */
    record Named(String field, String code) {
    }

    private final AtomicReference<ActivityService> activities = new AtomicReference<>();

    void bind(ActivityService service) {
        activities.set(service);
    }

    /** A greedy reference binds the new service before it unbinds the old one: only the bound one is dropped. */
    void unbind(ActivityService service) {
        activities.compareAndSet(service, null);
    }

    /**
     * The codes that stages take anew: a code given for a stage that names another one (or none) now, or for a stage
     * that does not exist yet.
     *
     * @param stages  as the client gave them, in its order (the fields name their index)
     * @param current the code each existing stage names now, by stage number (no entry or null for none)
     */
    static List<Named> takenAnew(List<StageValues> stages, Map<Integer, String> current) {
        List<Named> named = new ArrayList<>();
        for (int i = 0; i < stages.size(); i++) {
            StageValues stage = stages.get(i);
            if (stage != null) {
                takenAnew("stages[" + i + "].activityCode", stage, current).ifPresent(named::add);
            }
        }
        return named;
    }

    /** Like {@link #takenAnew(List, Map)} for a single stage, its field named without prefix. */
    static List<Named> takenAnew(StageValues stage, Map<Integer, String> current) {
        return takenAnew("activityCode", stage, current).stream().toList();
    }

    private static Optional<Named> takenAnew(String field, StageValues stage, Map<Integer, String> current) {
        String code = Codes.normalise(stage.activityCode());
        if (code == null || code.length() > SalesCycleStage.ACTIVITY_CODE_LENGTH) {
            return Optional.empty(); // none, or already refused for its length
        }
        String now = stage.stage() == null ? null : current.get(stage.stage());
        return code.equals(now) ? Optional.empty() : Optional.of(new Named(field, code));
    }

    /**
     * Asks the activity service about each code.
     *
     * @throws UnavailableException a code is to be checked and the tasks module is not running
     */
    Checked check(List<Named> codes) {
        Map<String, Boolean> known = new HashMap<>(); // each code asked about once
        List<FieldError> faults = new ArrayList<>();
        if (!codes.isEmpty()) {
            ActivityService service = activities.get();
            if (service == null) {
                throw new UnavailableException(UNAVAILABLE + " (" + String.join(", ",
                        codes.stream().map(Named::code).distinct().toList())
                        + "); nothing was changed, retry once it runs");
            }
            for (Named named : codes) {
                if (!known.computeIfAbsent(named.code(), code -> service.find(code).isPresent())) {
                    faults.add(new FieldError(named.field(), "no activity " + named.code()));
                }
            }
        }
        return new Checked(known.keySet(), faults);
    }

    /** What a check before a transaction found: the codes it asked about and the faults. */
    final class Checked {
        private final Set<String> asked;
        private final List<FieldError> faults;

        private Checked(Set<String> asked, List<FieldError> faults) {
            this.asked = asked;
            this.faults = faults;
        }

        /** Adds the faults found. */
        void addFaultsTo(Violations violations) {
            faults.forEach(fault -> violations.add(fault.field(), fault.message()));
        }

        /**
         * Adds the faults found, and checks now each code of {@code takenAnew} that was not asked about (read
         * again in the transaction, the stages may differ from those read before it).
         */
        void addFaultsTo(Violations violations, List<Named> takenAnew) {
            addFaultsTo(violations);
            check(takenAnew.stream().filter(named -> !asked.contains(named.code())).toList()).addFaultsTo(violations);
        }
    }
}
