package org.opportune.demo.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.Test;
import org.opportune.api.cycle.StageValues;
import org.opportune.api.task.ActivityStepValues;
import org.opportune.api.task.TaskType;

/** The demo's activities and the stages that name them, as the services will check them. */
public class DemoWorldTest {

    @Test
    public void everyActivityAStageNamesIsCreatedAndEveryActivityIsNamed() {
        Set<String> created = DemoWorld.ACTIVITIES.stream().map(DemoWorld.Activity::code).collect(Collectors.toSet());
        Set<String> named = DemoWorld.CYCLES.stream().flatMap(cycle -> cycle.stages().stream())
                .map(StageValues::activityCode).filter(Objects::nonNull).collect(Collectors.toSet());
        assertEquals(created, named);
        assertEquals(DemoWorld.ACTIVITIES.size(), created.size());
    }

    @Test
    public void activitiesFitTheirLimitsAndShowEveryKindOfStep() {
        for (DemoWorld.Activity activity : DemoWorld.ACTIVITIES) {
            assertTrue(activity.code(), activity.code().length() <= 10 && activity.code().equals(
                    activity.code().toUpperCase(Locale.ROOT)));
            assertFalse(activity.values().description().isBlank());
            int number = 0;
            for (ActivityStepValues step : activity.values().steps()) {
                assertTrue("steps numbered in order", step.step() > number);
                number = step.step();
                assertTrue(step.description(), step.description().length() <= 100);
            }
        }
        assertEquals(Set.of(TaskType.values()), DemoWorld.ACTIVITIES.stream()
                .flatMap(activity -> activity.values().steps().stream()).map(ActivityStepValues::type)
                .collect(Collectors.toSet()));
        assertTrue("one activity without steps (one to-do)", DemoWorld.ACTIVITIES.stream()
                .anyMatch(activity -> activity.values().steps().isEmpty()));
    }

    @Test
    public void maxDaysIdleIsOneOrMoreWhereGiven() {
        DemoWorld.CYCLES.forEach(cycle -> cycle.stages().forEach(stage -> assertTrue(cycle.code() + "/"
                + stage.stage(), stage.maxDaysIdle() == null || stage.maxDaysIdle() >= 1)));
    }
}
