package org.opportune.demo.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.junit.Test;
import org.opportune.demo.internal.DemoPlan.Kind;
import org.opportune.demo.internal.DemoPlan.Script;
import org.opportune.demo.internal.DemoPlan.Step;

public class DemoPlanTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 24);
    private final List<Script> plan = DemoPlan.plan(TODAY, 2);

    @Test
    public void theSamePlanEveryTime() {
        assertEquals(plan, DemoPlan.plan(TODAY, 2));
        assertEquals(DemoPlan.OPPORTUNITIES, plan.size());
    }

    @Test
    public void everyStatusAndEveryCycleIsThere() {
        long notStarted = plan.stream().filter(script -> !script.activate()).count();
        long won = plan.stream().filter(script -> last(script) == Kind.WON).count();
        long lost = plan.stream().filter(script -> last(script) == Kind.LOST).count();
        long inProgress = plan.size() - notStarted - won - lost;
        assertTrue("not started " + notStarted, notStarted >= 5);
        assertTrue("won " + won, won >= 30);
        assertTrue("lost " + lost, lost >= 30);
        assertTrue("in progress " + inProgress, inProgress >= 30);
        assertEquals(DemoWorld.CYCLES.size(), plan.stream().map(script -> script.cycle().code()).distinct().count());
        Set<Kind> kinds = EnumSet.noneOf(Kind.class);
        plan.forEach(script -> script.steps().forEach(step -> kinds.add(step.kind())));
        assertEquals(EnumSet.allOf(Kind.class), kinds);
    }

    @Test
    public void datesRunForwardWithinTwoYearsUpToToday() {
        for (Script script : plan) {
            assertFalse(script.start().isBefore(TODAY.minusDays(DemoPlan.DAYS_OF_HISTORY)));
            LocalDate previous = script.start();
            for (Step step : script.steps()) {
                assertFalse(step.date().isBefore(previous));
                assertFalse(step.date().isAfter(TODAY));
                previous = step.date();
            }
        }
    }

    @Test
    public void stepsFollowTheStagesAsTheEngineWould() {
        for (Script script : plan) {
            int stage = 0;
            boolean quoted = false;
            for (Step step : script.steps()) {
                switch (step.kind()) {
                    case QUOTE -> quoted = true;
                    case NEXT -> {
                        stage++;
                        assertTrue("a quote before a stage that requires one",
                                quoted || !script.cycle().stages().get(stage).quoteRequired());
                    }
                    case PREVIOUS -> {
                        assertTrue(stage > 0);
                        stage--;
                    }
                    case UPDATE -> assertFalse("the quote gives the value once linked", quoted);
                    case WON, LOST -> assertEquals("closing is the last step", step,
                            script.steps().get(script.steps().size() - 1));
                }
                assertTrue(stage < script.cycle().stages().size());
            }
        }
    }

    /**
     * DOMAIN §11 as of the plan's day: a deal in progress is stale when the days since its active entry's date of
     * change (its activation or last move or update; a quote writes no entry) are over its stage's limit.
     */
    @Test
    public void someDealsInProgressAreStaleAndOthersNot() {
        int stale = 0;
        int fresh = 0;
        for (Script script : plan) {
            Kind last = last(script);
            if (!script.activate() || last == Kind.WON || last == Kind.LOST) {
                continue;
            }
            int stage = 0;
            LocalDate dateOfChange = script.start();
            for (Step step : script.steps()) {
                switch (step.kind()) {
                    case NEXT -> stage++;
                    case PREVIOUS -> stage--;
                    default -> {
                    }
                }
                if (step.kind() != Kind.QUOTE) {
                    dateOfChange = step.date();
                }
            }
            Integer maxDaysIdle = script.cycle().stages().get(stage).maxDaysIdle();
            if (maxDaysIdle != null && ChronoUnit.DAYS.between(dateOfChange, TODAY) > maxDaysIdle) {
                stale++;
            } else {
                fresh++;
            }
        }
        assertTrue("stale " + stale, stale >= 5);
        assertTrue("not stale " + fresh, fresh >= 5);
    }

    private static Kind last(Script script) {
        return script.steps().isEmpty() ? null : script.steps().get(script.steps().size() - 1).kind();
    }
}
