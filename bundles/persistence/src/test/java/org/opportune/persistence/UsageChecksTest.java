package org.opportune.persistence;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.Test;
import org.opportune.api.ConflictException;
import org.opportune.api.UsageCheck;
import org.opportune.api.UsageResources;
import org.opportune.api.whiteboard.RankedRegistry.Registration;

/** The usage checks of one kind of record follow the whiteboard rules of {@code RankedRegistry}. */
public class UsageChecksTest {
    private final List<String> refusals = new ArrayList<>();
    private final List<String> asked = new ArrayList<>();
    private final UsageChecks checks = new UsageChecks(refusals::add);

    /** A check that notes it was asked and answers {@code answer} (null: not in use). */
    private UsageCheck check(String who, String answer) {
        return key -> {
            asked.add(who + ":" + key);
            return Optional.ofNullable(answer);
        };
    }

    private static Map<String, Object> named(String name) {
        return properties(name, null);
    }

    private static Map<String, Object> properties(String name, Integer ranking) {
        Map<String, Object> properties = new HashMap<>();
        properties.put(UsageCheck.RESOURCE, UsageResources.SALESPERSON);
        if (name != null) {
            properties.put(UsageCheck.NAME_PROPERTY, name);
        }
        if (ranking != null) {
            properties.put("service.ranking", ranking);
        }
        return properties;
    }

    private String refusal() {
        return assertThrows(ConflictException.class, () -> checks.refuseDeleteIfUsed("salesperson JO", "JO"))
                .getMessage();
    }

    @Test
    public void withoutChecksEveryDeleteMayGoAhead() {
        checks.refuseDeleteIfUsed("salesperson JO", "JO");
        assertEquals(List.of(), checks.registrations());
    }

    @Test
    public void aCheckWithoutANameIsRefusedOnceAndNeverAsked() {
        UsageCheck unnamed = check("unnamed", "in use by nobody knows whom");
        checks.add(unnamed, properties(null, 5), "org.example.extension");
        checks.add(check("blank", "in use by a blank"), named("  "));

        checks.refuseDeleteIfUsed("salesperson JO", "JO");
        assertEquals(List.of(), asked);
        assertEquals(2, refusals.size());
        assertTrue(refusals.get(0), refusals.get(0).startsWith("usage check "));
        assertTrue(refusals.get(0), refusals.get(0).contains(" of bundle org.example.extension is refused: it has no "
                + UsageCheck.NAME_PROPERTY + " service property"));

        // an update that leaves it unnamed says nothing again, and it is listed with its problem
        checks.update(unnamed, properties(null, 7));
        assertEquals(2, refusals.size());
        Registration<UsageCheck> listed = checks.registrations().stream()
                .filter(registration -> registration.service() == unnamed).findFirst().orElseThrow();
        assertFalse(listed.active());
        assertEquals("org.example.extension", listed.bundle());
        assertTrue(listed.problem(), listed.problem().contains(UsageCheck.NAME_PROPERTY));

        // once named it is asked
        checks.update(unnamed, named("late-name"));
        assertEquals("salesperson JO cannot be deleted: in use by nobody knows whom", refusal());
        assertEquals(List.of("unnamed:JO"), asked);
    }

    @Test
    public void ofTwoChecksOfOneNameTheHigherRankingIsAskedAndARankingUpdateSwitches() {
        UsageCheck first = check("first", "first says in use");
        UsageCheck second = check("second", "second says in use");
        checks.add(first, properties("open-opportunities", 1), "a");
        checks.add(second, properties("open-opportunities", 2), "b");

        assertEquals("salesperson JO cannot be deleted: second says in use", refusal());
        assertEquals(List.of("second:JO"), asked);

        asked.clear();
        checks.update(first, properties("open-opportunities", 3));
        assertEquals("salesperson JO cannot be deleted: first says in use", refusal());
        assertEquals(List.of("first:JO"), asked);

        // when the one in use goes away the other takes over
        asked.clear();
        checks.remove(first);
        assertEquals("salesperson JO cannot be deleted: second says in use", refusal());
        assertEquals(List.of("second:JO"), asked);

        checks.remove(second);
        checks.refuseDeleteIfUsed("salesperson JO", "JO");
        assertEquals(List.of(), refusals);
    }

    @Test
    public void everyNamedCheckIsAskedInNameOrderAndEveryAnswerIsListed() {
        checks.add(check("c", "c says in use"), named("commissions"));
        checks.add(check("a", "a says in use"), named("appointments"));
        checks.add(check("free", null), named("budgets"));
        checks.add(check("o", "o says in use"), named("open-opportunities"));

        assertEquals("salesperson JO cannot be deleted: a says in use; c says in use; o says in use", refusal());
        assertEquals(List.of("a:JO", "free:JO", "c:JO", "o:JO"), asked);
        assertEquals(List.of("appointments", "budgets", "commissions", "open-opportunities"),
                checks.registrations().stream().map(Registration::name).toList());
    }

    @Test
    public void namesCompareIgnoringCase() {
        UsageCheck lower = check("lower", "lower says in use");
        UsageCheck upper = check("upper", "upper says in use");
        checks.add(lower, properties("open-opportunities", 1));
        checks.add(upper, properties(" Open-Opportunities ", 2), null);
        checks.add(check("b", "b says in use"), named("budgets"));

        // one name, so only the higher ranking is asked; "budgets" comes before "Open-Opportunities" ignoring case
        assertEquals("salesperson JO cannot be deleted: b says in use; upper says in use", refusal());
        assertEquals(List.of("b:JO", "upper:JO"), asked);
        List<Registration<UsageCheck>> listed = checks.registrations();
        assertEquals(3, listed.size());
        assertEquals(List.of(true, true, false), listed.stream().map(Registration::active).toList());
        assertEquals(upper, listed.get(1).service());
        assertEquals(lower, listed.get(2).service());
        assertNull(listed.get(2).problem());
        assertEquals(List.of(), refusals);
    }
}
