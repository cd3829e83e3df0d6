package org.opportune.cycles.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.Test;
import org.opportune.api.UnavailableException;
import org.opportune.api.ValidationException;
import org.opportune.api.Violations;
import org.opportune.api.cycle.StageValues;
import org.opportune.cycles.internal.ActivityCodes.Named;

public class ActivityCodesTest {
    private final FakeActivityService activities = new FakeActivityService("INIT", "PRESENT");
    private final ActivityCodes codes = new ActivityCodes();

    private static StageValues stage(Integer number, String activityCode) {
        return StageValues.builder(number).activityCode(activityCode).build();
    }

    @Test
    public void onlyCodesTakenAnewAreNamedWithTheirFields() {
        Map<Integer, String> current = new HashMap<>(Map.of(1, "INIT", 2, "PRESENT"));
        current.put(3, null);
        assertEquals(List.of(new Named("stages[1].activityCode", "INIT"), new Named("stages[4].activityCode", "X"),
                new Named("stages[5].activityCode", "Y")),
                ActivityCodes.takenAnew(Arrays.asList(stage(1, " init "), stage(2, "INIT"), stage(3, null), null,
                        stage(4, "x"), stage(null, "Y"), stage(6, "Z".repeat(11)), stage(7, " ")), current));
        assertEquals(List.of(), ActivityCodes.takenAnew(stage(1, "Init"), current));
        assertEquals(List.of(new Named("activityCode", "INIT")), ActivityCodes.takenAnew(stage(1, "INIT"), Map.of()));
    }

    @Test
    public void eachCodeIsAskedAboutOnceAndEveryFieldNamingAnUnknownOneIsAFault() {
        codes.bind(activities);
        Violations violations = new Violations();
        codes.check(List.of(new Named("a", "INIT"), new Named("b", "NOPE"), new Named("c", "NOPE"),
                new Named("d", "INIT"))).addFaultsTo(violations);
        ValidationException e = assertThrows(ValidationException.class, violations::throwIfAny);
        assertEquals(List.of("b", "c"), e.errors().stream().map(error -> error.field()).toList());
        assertEquals(List.of("INIT", "NOPE"), activities.lookups());
    }

    @Test
    public void inTheTransactionOnlyACodeNotAskedAboutBeforeIsAsked() {
        codes.bind(activities);
        ActivityCodes.Checked before = codes.check(List.of(new Named("stages[0].activityCode", "INIT")));
        Violations violations = new Violations();
        // someone else changed stage 2 meanwhile: its code is now taken anew too
        before.addFaultsTo(violations, List.of(new Named("stages[0].activityCode", "INIT"),
                new Named("stages[1].activityCode", "GONE")));
        ValidationException e = assertThrows(ValidationException.class, violations::throwIfAny);
        assertEquals("stages[1].activityCode", e.errors().get(0).field());
        assertEquals("no activity GONE", e.errors().get(0).message());
        assertEquals(List.of("INIT", "GONE"), activities.lookups());
    }

    @Test
    public void withoutTheTasksModuleNothingNeedsItUntilACodeIsToBeChecked() {
        codes.check(List.of()).addFaultsTo(new Violations(), List.of());
        UnavailableException e = assertThrows(UnavailableException.class,
                () -> codes.check(List.of(new Named("activityCode", "INIT"))));
        assertEquals("the tasks module is not available: activity codes cannot be checked (INIT); nothing was"
                + " changed, retry once it runs", e.getMessage());
        codes.bind(activities);
        codes.unbind(new FakeActivityService()); // another service's going leaves the bound one
        codes.check(List.of(new Named("activityCode", "INIT"))).addFaultsTo(new Violations());
        codes.unbind(activities);
        assertThrows(UnavailableException.class, () -> codes.check(List.of(new Named("activityCode", "INIT"))));
    }
}
