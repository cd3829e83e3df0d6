package org.opportune.api.whiteboard;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertSame;
import static org.junit.Assert.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.Test;
import org.opportune.api.whiteboard.RankedRegistry.Registration;

public class RankedRegistryTest {
    private static final String NAME = "test.name";

    /** A plug-in that names itself, as models and reports do. */
    private record Plugin(String name) {
    }

    private final List<String> refusals = new ArrayList<>();
    private final RankedRegistry<Plugin> registry = new RankedRegistry<>("test plug-in", NAME, "name()",
            Plugin::name, refusals::add);

    private static Map<String, Object> properties(String name, Integer ranking, Long serviceId) {
        Map<String, Object> properties = new HashMap<>();
        if (name != null) {
            properties.put(NAME, name);
        }
        if (ranking != null) {
            properties.put("service.ranking", ranking);
        }
        if (serviceId != null) {
            properties.put("service.id", serviceId);
        }
        return properties;
    }

    private static List<Boolean> active(List<Registration<Plugin>> registrations) {
        return registrations.stream().map(Registration::active).toList();
    }

    @Test
    public void anEmptyRegistryFindsNothing() {
        assertFalse(registry.find("A").isPresent());
        assertFalse(registry.find(null).isPresent());
        assertFalse(registry.find("  ").isPresent());
        assertEquals(List.of(), registry.inUse());
        assertEquals(List.of(), registry.registrations());
    }

    @Test
    public void theHighestRankingIsInUse() {
        Plugin low = new Plugin("A");
        Plugin high = new Plugin("A");
        Plugin none = new Plugin("A");
        registry.add(low, properties("A", -1, 1L), "low");
        registry.add(high, properties("A", 10, 3L), "high");
        registry.add(none, properties("A", null, 2L), null);

        assertSame(high, registry.find("A").orElseThrow());
        List<Registration<Plugin>> listing = registry.registrations();
        assertEquals(List.of(high, none, low), listing.stream().map(Registration::service).toList());
        assertEquals(List.of(true, false, false), active(listing));
        assertEquals(List.of(10, 0, -1), listing.stream().map(Registration::ranking).toList());
        assertEquals("high", listing.get(0).bundle());
        assertNull(listing.get(1).bundle());
        assertEquals(List.of(listing.get(0)), registry.inUse());
    }

    @Test
    public void onEqualRankingsTheLowestServiceIdThenTheFirstRegistered() {
        Plugin later = new Plugin("A");
        Plugin earlier = new Plugin("A");
        registry.add(later, properties("A", 3, 20L), null);
        registry.add(earlier, properties("A", 3, 11L), null);
        assertSame(earlier, registry.find("A").orElseThrow());

        RankedRegistry<Plugin> withoutIds = new RankedRegistry<>("test plug-in", NAME, refusals::add);
        withoutIds.add(later, properties("A", null, null), null);
        withoutIds.add(earlier, properties("A", null, null), null);
        assertSame(later, withoutIds.find("A").orElseThrow());
        assertEquals(Long.MAX_VALUE, withoutIds.registrations().get(0).serviceId());
    }

    @Test
    public void aNonIntegerRankingCountsAsZero() {
        registry.add(new Plugin("A"), Map.of(NAME, "A", "service.ranking", "7"), null);
        assertEquals(0, registry.registrations().get(0).ranking());
    }

    @Test
    public void anUpdatedRankingTakesEffectAndKeepsTheRegistrationsPlace() {
        Plugin first = new Plugin("A");
        Plugin second = new Plugin("A");
        registry.add(first, properties("A", 5, null), "one");
        registry.add(second, properties("A", 0, null), "two");
        assertSame(first, registry.find("A").orElseThrow());

        registry.update(second, properties("A", 9, null));
        assertSame(second, registry.find("A").orElseThrow());
        assertEquals("two", registry.registrations().get(0).bundle());

        registry.update(second, properties("A", 5, null));
        assertSame("equal again: the first registered wins, the update kept the order", first,
                registry.find("A").orElseThrow());

        registry.update(new Plugin("A"), properties("A", 99, null));
        assertSame("an unknown service changes nothing", first, registry.find("A").orElseThrow());
        assertEquals(2, registry.registrations().size());
    }

    @Test
    public void anUpdatedNameTakesEffect() {
        RankedRegistry<Plugin> unnamed = new RankedRegistry<>("test plug-in", NAME, refusals::add);
        Plugin plugin = new Plugin(null);
        unnamed.add(plugin, properties("A", null, null), null);
        unnamed.update(plugin, properties("B", null, null));
        assertFalse(unnamed.find("A").isPresent());
        assertSame(plugin, unnamed.find("B").orElseThrow());
    }

    @Test
    public void whenTheOneInUseGoesAwayTheNextTakesOver() {
        Plugin best = new Plugin("A");
        Plugin next = new Plugin("A");
        Plugin last = new Plugin("A");
        registry.add(best, properties("A", 10, 1L), null);
        registry.add(next, properties("A", 5, 2L), null);
        registry.add(last, properties("A", 0, 3L), null);

        registry.remove(best);
        assertSame(next, registry.find("A").orElseThrow());
        assertEquals(List.of(true, false), active(registry.registrations()));
        registry.remove(next);
        assertSame(last, registry.find("A").orElseThrow());
        registry.remove(last);
        assertFalse(registry.find("A").isPresent());
        assertEquals(List.of(), registry.registrations());
        registry.remove(last); // twice is harmless
    }

    @Test
    public void namesMatchIgnoringCaseAndSpaceAndAreSpelledAsTheOneInUseSpellsThem() {
        Plugin weighted = new Plugin("Weighted");
        Plugin upper = new Plugin("WEIGHTED");
        registry.add(weighted, properties(" Weighted ", null, 1L), null);
        registry.add(upper, properties("WEIGHTED", null, 2L), null);
        registry.add(new Plugin("add"), properties("add", null, 3L), null);

        assertSame(weighted, registry.find(" weighted ").orElseThrow());
        assertEquals("Weighted", registry.findRegistration("WEIGHTED").orElseThrow().name());
        assertEquals(List.of("add", "Weighted"), registry.inUse().stream().map(Registration::name).toList());
        assertEquals(List.of("add", "Weighted", "WEIGHTED"),
                registry.registrations().stream().map(Registration::name).toList());
        assertEquals(List.of(true, true, false), active(registry.registrations()));
        assertTrue(refusals.isEmpty());
    }

    @Test
    public void aRegistrationWithoutTheNamePropertyIsRefusedAndListedWithWhy() {
        Plugin nameless = new Plugin("A");
        registry.add(nameless, properties(null, 100, 1L), "org.example");
        registry.add(new Plugin("B"), properties("  ", 100, 2L), "org.example");

        assertFalse("its own name does not stand in for the property", registry.find("A").isPresent());
        assertFalse(registry.find("B").isPresent());
        assertEquals(List.of(), registry.inUse());
        Registration<Plugin> listed = registry.registrations().get(0);
        assertEquals("A", listed.name());
        assertFalse(listed.active());
        assertEquals("it has no test.name service property, which names it", listed.problem());
        assertEquals(List.of("test plug-in A of bundle org.example is refused: it has no test.name service "
                + "property, which names it", "test plug-in B of bundle org.example is refused: it has no "
                + "test.name service property, which names it"), refusals);
    }

    @Test
    public void aRefusedRegistrationWithoutAnyNameIsKnownByItsClass() {
        RankedRegistry<Runnable> rules = new RankedRegistry<>("rule", NAME, refusals::add);
        Runnable unnamed = () -> { };
        rules.add(unnamed, Map.of(), null);
        assertEquals(unnamed.getClass().getName(), rules.registrations().get(0).name());
        assertEquals(1, refusals.size());
    }

    @Test
    public void aRegistrationWhoseOwnNameDiffersFromThePropertyIsRefusedEvenWhenItOutranks() {
        Plugin honest = new Plugin("multiply");
        Plugin conflicting = new Plugin("ADD");
        registry.add(honest, properties("MULTIPLY", 0, 1L), null);
        registry.add(conflicting, properties("MULTIPLY", 10, 2L), "org.example");

        assertSame(honest, registry.find("MULTIPLY").orElseThrow());
        assertFalse(registry.find("ADD").isPresent());
        List<Registration<Plugin>> listing = registry.registrations();
        assertEquals(List.of(conflicting, honest), listing.stream().map(Registration::service).toList());
        assertEquals(List.of(false, true), active(listing));
        assertEquals("its name() is 'ADD' but its test.name service property is 'MULTIPLY'; they must be the same",
                listing.get(0).problem());
        assertNull(listing.get(1).problem());
        assertEquals(List.of("test plug-in MULTIPLY of bundle org.example is refused: " + listing.get(0).problem()),
                refusals);
    }

    @Test
    public void aFailingOrMissingOwnNameIsAConflict() {
        registry.add(new Plugin(null), properties("A", null, null), null);
        registry.add(new Plugin("b"), properties("B", null, null), null);
        RankedRegistry<Plugin> failing = new RankedRegistry<>("test plug-in", NAME, "name()", plugin -> {
            throw new IllegalStateException("boom");
        }, refusals::add);
        failing.add(new Plugin("C"), properties("C", null, null), null);

        assertFalse(registry.find("A").isPresent());
        assertEquals("its name() is null but its test.name service property is 'A'; they must be the same",
                registry.registrations().get(0).problem());
        assertTrue(registry.find("B").isPresent());
        assertFalse(failing.find("C").isPresent());
        assertEquals("name() failed: java.lang.IllegalStateException: boom",
                failing.registrations().get(0).problem());
    }

    @Test
    public void aRefusalIsReportedOnceAndAgainOnlyWhenItsProblemChanges() {
        Plugin conflicting = new Plugin("ADD");
        registry.add(conflicting, properties("MULTIPLY", 0, 1L), null);
        registry.update(conflicting, properties("MULTIPLY", 5, 1L));
        registry.add(new Plugin("OTHER"), properties("OTHER", 0, 2L), null);
        assertEquals(1, refusals.size());
        assertEquals(5, registry.registrations().get(0).ranking());

        registry.update(conflicting, properties("ADD", 5, 1L));
        assertSame("corrected by an update, it is used", conflicting, registry.find("ADD").orElseThrow());
        assertNull(registry.registrations().get(0).problem());
        registry.update(conflicting, properties(null, 5, 1L));
        assertFalse(registry.find("ADD").isPresent());
        assertEquals(2, refusals.size());
        registry.remove(conflicting);
        assertEquals(List.of("OTHER"), registry.registrations().stream().map(Registration::name).toList());
    }
}
