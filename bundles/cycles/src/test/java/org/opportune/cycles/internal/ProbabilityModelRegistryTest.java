package org.opportune.cycles.internal;

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
import org.opportune.api.probability.ProbabilityModel;
import org.opportune.api.probability.ProbabilityModelInfo;

public class ProbabilityModelRegistryTest {
    private final List<String> refusals = new ArrayList<>();
    private final ProbabilityModelRegistry registry = new ProbabilityModelRegistry(refusals::add);

    private static Map<String, Object> properties(String name, Integer ranking, Long serviceId) {
        HashMap<String, Object> properties = new HashMap<>();
        if (name != null) {
            properties.put(ProbabilityModel.NAME_PROPERTY, name);
        }
        if (ranking != null) {
            properties.put("service.ranking", ranking);
        }
        if (serviceId != null) {
            properties.put("service.id", serviceId);
        }
        return properties;
    }

    @Test
    public void emptyRegistryFindsNothing() {
        assertFalse(registry.find("MULTIPLY").isPresent());
        assertFalse(registry.find(null).isPresent());
        assertEquals("none", registry.installedNames());
        assertEquals(List.of(), registry.installed());
    }

    @Test
    public void namesComeFromThePropertyAndMatchIgnoringCase() {
        ProbabilityModel weighted = FixedProbabilityModel.constant("Weighted", "2");
        registry.add(weighted, properties("Weighted", null, null));
        registry.add(FixedProbabilityModel.constant("LINEAR", "1"), properties("LINEAR", null, null));

        assertSame(weighted, registry.find(" WEIGHTED ").orElseThrow());
        assertEquals("Weighted", registry.installedName("weighted").orElseThrow());
        assertEquals("LINEAR, Weighted", registry.installedNames());
        assertTrue(refusals.isEmpty());
    }

    @Test
    public void aModelWhoseNameDiffersFromItsPropertyOrWithoutThePropertyIsRefusedVisibly() {
        ProbabilityModel conflicting = FixedProbabilityModel.constant("ignored", "1");
        registry.add(conflicting, properties("LINEAR", 10, null));
        registry.add(FixedProbabilityModel.constant("Weighted", "2"), Map.of());

        assertFalse(registry.find("LINEAR").isPresent());
        assertFalse(registry.find("ignored").isPresent());
        assertFalse("name() does not stand in for the property", registry.find("Weighted").isPresent());
        assertEquals("none", registry.installedNames());
        assertEquals(List.of(new ProbabilityModelInfo("LINEAR", "test model ignored", null, 10, false,
                "its name() is 'ignored' but its opportune.probability.model service property is 'LINEAR'; "
                        + "they must be the same"),
                new ProbabilityModelInfo("Weighted", "test model Weighted", null, 0, false,
                        "it has no opportune.probability.model service property, which names it")),
                registry.installed());
        assertEquals(List.of("probability model LINEAR is refused: its name() is 'ignored' but its "
                + "opportune.probability.model service property is 'LINEAR'; they must be the same",
                "probability model Weighted is refused: it has no opportune.probability.model service property, "
                        + "which names it"), refusals);
    }

    @Test
    public void theHighestRankingWinsAndTheNextTakesOverWhenItGoesAway() {
        ProbabilityModel builtIn = FixedProbabilityModel.constant("MULTIPLY", "1");
        ProbabilityModel better = FixedProbabilityModel.constant("MULTIPLY", "2");
        ProbabilityModel worse = FixedProbabilityModel.constant("MULTIPLY", "3");
        registry.add(builtIn, properties("MULTIPLY", null, 5L));
        registry.add(better, properties("MULTIPLY", 10, 9L));
        registry.add(worse, properties("MULTIPLY", -1, 7L));

        assertSame(better, registry.find("MULTIPLY").orElseThrow());
        assertEquals(List.of(new ProbabilityModelInfo("MULTIPLY", "test model MULTIPLY", null, 10, true),
                new ProbabilityModelInfo("MULTIPLY", "test model MULTIPLY", null, 0, false),
                new ProbabilityModelInfo("MULTIPLY", "test model MULTIPLY", null, -1, false)), registry.installed());
        assertEquals("MULTIPLY", registry.installedNames());

        registry.remove(better);
        assertSame(builtIn, registry.find("MULTIPLY").orElseThrow());
        registry.remove(builtIn);
        assertSame(worse, registry.find("MULTIPLY").orElseThrow());
        registry.remove(worse);
        assertFalse(registry.find("MULTIPLY").isPresent());
    }

    @Test
    public void onEqualRankingsTheLowerServiceIdWinsThenTheFirstRegistered() {
        ProbabilityModel later = FixedProbabilityModel.constant("ADD", "1");
        ProbabilityModel earlier = FixedProbabilityModel.constant("ADD", "2");
        registry.add(later, properties("ADD", 3, 20L));
        registry.add(earlier, properties("ADD", 3, 11L));
        assertSame(earlier, registry.find("ADD").orElseThrow());

        ProbabilityModelRegistry withoutIds = new ProbabilityModelRegistry(refusals::add);
        withoutIds.add(later, properties("ADD", null, null));
        withoutIds.add(earlier, properties("ADD", null, null));
        assertSame(later, withoutIds.find("ADD").orElseThrow());
    }

    @Test
    public void updatedPropertiesTakeEffect() {
        ProbabilityModel first = FixedProbabilityModel.constant("ADD", "1");
        ProbabilityModel second = FixedProbabilityModel.constant("ADD", "2");
        registry.add(first, properties("ADD", 5, 1L));
        registry.add(second, properties("ADD", 0, 2L));
        assertSame(first, registry.find("ADD").orElseThrow());

        registry.update(second, properties("ADD", 9, 2L));
        assertSame(second, registry.find("ADD").orElseThrow());

        registry.update(second, properties("RENAMED", 9, 2L));
        assertSame(first, registry.find("ADD").orElseThrow());
        assertFalse("RENAMED differs from its name()", registry.find("RENAMED").isPresent());
        assertEquals(1, refusals.size());
    }

    @Test
    public void aModelOutsideABundleHasNoBundleNameAndANonIntegerRankingCountsAsZero() {
        registry.add(FixedProbabilityModel.constant("X", "1"), properties("X", null, null));
        registry.add(FixedProbabilityModel.constant("Y", "1"), Map.of(ProbabilityModel.NAME_PROPERTY, "Y",
                "service.ranking", "7"));
        ProbabilityModelInfo info = registry.installed().get(0);
        assertNull(info.bundle());
        assertEquals(0, registry.installed().get(1).ranking());
    }

    @Test
    public void aFailingDescriptionDoesNotBreakTheListing() {
        registry.add(new FixedProbabilityModel("BROKEN", (a, b) -> a) {
            @Override
            public String description() {
                throw new IllegalStateException("no description");
            }
        }, properties("BROKEN", null, null));
        assertEquals(List.of(new ProbabilityModelInfo("BROKEN", null, null, 0, true)), registry.installed());
    }
}
