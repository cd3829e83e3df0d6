package org.opportune.opportunities.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.Test;
import org.opportune.api.ConflictException;
import org.opportune.api.UnavailableException;
import org.opportune.api.opportunity.ActionTaken;
import org.opportune.api.opportunity.Opportunity;
import org.opportune.api.opportunity.OpportunityAction;
import org.opportune.api.opportunity.StageUpdate;
import org.opportune.api.opportunity.UpdateOption;
import org.opportune.api.rule.ProposedMove;
import org.opportune.api.rule.ProposedTarget;
import org.opportune.api.rule.TransitionRule;
import org.opportune.api.rule.TransitionRuleInfo;

/** DOMAIN §6: transition rules are services; they come and go at runtime and every refusal is reported. */
public class TransitionRulesTest extends OpportunityTestSupport {

    /** "The estimated value must be at least 20000 from stage 3 on." */
    private static final TransitionRule MINIMUM_VALUE = move -> move.to().stage() >= 3
            && move.estimatedValue().compareTo(BigDecimal.valueOf(20000)) < 0
                    ? Optional.of("the estimated value must be at least 20000 from stage 3 on")
                    : Optional.empty();

    @Test
    public void aRuleAppliesFromTheNextRequestUntilItGoesAway() {
        Opportunity opportunity = startedAt(2);
        service.addTransitionRule(MINIMUM_VALUE, ruleProperties("minimum-value", 0, 10L));
        ConflictException e = assertThrows(ConflictException.class,
                () -> service.move(opportunity.no(), StageUpdate.of(OpportunityAction.NEXT), null));
        assertEquals(List.of("minimum-value"), e.rules());
        assertTrue(e.getMessage(), e.getMessage().contains("at least 20000"));
        assertEquals(2, entries(opportunity.no()).size());

        service.removeTransitionRule(MINIMUM_VALUE, ruleProperties("minimum-value", 0, 10L));
        service.move(opportunity.no(), StageUpdate.of(OpportunityAction.NEXT), null);
        assertEquals(3, lastEntry(opportunity.no()).stage());
    }

    @Test
    public void everyRefusingRuleIsReported() {
        cycles.add("QTE", "MULTIPLY", false,
                FakeCycles.stage(1, "One", "10", "20", null, false, false),
                FakeCycles.stage(2, "Two", "30", "40", null, false, false),
                FakeCycles.stage(3, "Quote", "60", "50", null, false, true));
        service.addTransitionRule(MINIMUM_VALUE, ruleProperties("minimum-value", 0, 10L));
        service.addTransitionRule(move -> Optional.empty(), ruleProperties("never-refuses", 0, 11L));
        Opportunity opportunity = startedOn("QTE");
        service.move(opportunity.no(), StageUpdate.of(OpportunityAction.NEXT), null);

        ConflictException e = assertThrows(ConflictException.class,
                () -> service.move(opportunity.no(), StageUpdate.of(OpportunityAction.NEXT), null));
        assertEquals(List.of("minimum-value", "quote-required"), e.rules());
        assertEquals(2, e.errors().size());
        assertTrue(e.getMessage(), e.getMessage().contains("at least 20000 from stage 3 on (minimum-value)"));
        assertTrue(e.getMessage(), e.getMessage().contains("a sales quote must be assigned before this stage"));

        UpdateOption next = service.updateOptions(opportunity.no()).option(OpportunityAction.NEXT).orElseThrow();
        assertFalse(next.possible());
        assertEquals(List.of("minimum-value", "quote-required"), next.rules());
        assertEquals(2, entries(opportunity.no()).size());
    }

    @Test
    public void aRuleSeesTheProposedMoveWithItsDefaults() {
        AtomicReference<ProposedMove> seen = new AtomicReference<>();
        service.addTransitionRule(move -> {
            seen.set(move);
            return Optional.empty();
        }, ruleProperties("spy", 0, 10L));
        Opportunity opportunity = started();
        assertEquals(OpportunityAction.FIRST, seen.get().action());
        assertNull(seen.get().from());

        service.move(opportunity.no(), StageUpdate.to(OpportunityAction.SKIP, 3), null);
        ProposedMove move = seen.get();
        assertEquals(opportunity.no(), move.opportunity().no());
        assertEquals(Integer.valueOf(1), move.opportunity().currentStage());
        assertEquals(OpportunityAction.SKIP, move.action());
        assertEquals(ActionTaken.JUMPED, move.actionTaken());
        assertEquals(1, move.from().stage());
        assertEquals(3, move.to().stage());
        assertEquals(List.of(2), move.target().passedOver().stream().map(s -> s.stage()).toList());
        assertEquals(4, move.stages().size());
        assertEquals(JAN_10, move.dateOfChange());
        assertNumber("10000", move.estimatedValue());
        assertNumber("50", move.chancesOfSuccessPercent());
        assertEquals(JAN_10.plusDays(7), move.estimatedCloseDate());
        assertFalse(move.salesQuoteLinked());
    }

    @Test
    public void aRuleCanWithholdCandidateStages() {
        TransitionRule noJumpToTheStart = new TransitionRule() {
            @Override
            public Optional<String> checkTarget(ProposedTarget target) {
                return target.action() == OpportunityAction.JUMP && target.to().stage() == 1
                        ? Optional.of("nobody jumps back to the start") : Optional.empty();
            }

            @Override
            public Optional<String> check(ProposedMove move) {
                return Optional.empty();
            }
        };
        service.addTransitionRule(noJumpToTheStart, ruleProperties("no-restart", 0, 10L));
        Opportunity opportunity = startedAt(4);
        assertEquals(List.of(2, 3), service.updateOptions(opportunity.no()).option(OpportunityAction.JUMP)
                .orElseThrow().candidateStages());
        ConflictException e = assertThrows(ConflictException.class,
                () -> service.move(opportunity.no(), StageUpdate.to(OpportunityAction.JUMP, 1), null));
        assertEquals(List.of("no-restart"), e.rules());

        Opportunity atThree = startedAt(3);
        UpdateOption jump = service.updateOptions(atThree.no()).option(OpportunityAction.JUMP).orElseThrow();
        assertFalse(jump.possible());
        assertEquals(List.of("no-restart"), jump.rules());
        assertTrue(jump.reason(), jump.reason().contains("nobody jumps back to the start"));
    }

    @Test
    public void withoutTheAllowSkipRuleSkipIgnoresTheSkipFlags() {
        Opportunity atThree = startedAt(3);
        assertFalse(service.updateOptions(atThree.no()).option(OpportunityAction.SKIP).orElseThrow().possible());
        cycles.add("FLAT", "MULTIPLY", false,
                FakeCycles.stage(1, "One", "10", "20", null, false, false),
                FakeCycles.stage(2, "Two", "30", "40", null, false, false),
                FakeCycles.stage(3, "Three", "60", "50", null, false, false));
        Opportunity opportunity = startedOn("FLAT");
        assertThrows(ConflictException.class,
                () -> service.move(opportunity.no(), StageUpdate.to(OpportunityAction.SKIP, 3), null));

        service.removeTransitionRule(allowSkipRule, null);
        assertEquals(List.of(2, 3), service.updateOptions(opportunity.no()).option(OpportunityAction.SKIP)
                .orElseThrow().candidateStages());
        service.move(opportunity.no(), StageUpdate.to(OpportunityAction.SKIP, 3), null);
        assertEquals(3, lastEntry(opportunity.no()).stage());
    }

    @Test
    public void aRuleOfTheSameNameWithAHigherRankingReplacesIt() {
        TransitionRule lax = move -> Optional.empty();
        cycles.add("FLAT", "MULTIPLY", false,
                FakeCycles.stage(1, "One", "10", "20", null, false, false),
                FakeCycles.stage(2, "Two", "30", "40", null, false, false),
                FakeCycles.stage(3, "Three", "60", "50", null, false, false));
        Opportunity opportunity = startedOn("FLAT");
        service.addTransitionRule(lax, ruleProperties("ALLOW-SKIP", 10, 20L));
        service.move(opportunity.no(), StageUpdate.to(OpportunityAction.SKIP, 3), null);
        assertEquals(3, lastEntry(opportunity.no()).stage());

        List<TransitionRuleInfo> infos = service.transitionRules().stream()
                .filter(info -> info.name().equalsIgnoreCase("allow-skip")).toList();
        assertEquals(2, infos.size());
        assertEquals(new TransitionRuleInfo("ALLOW-SKIP", "rule ALLOW-SKIP", null, 10, true), infos.get(0));
        assertEquals(new TransitionRuleInfo("allow-skip", "rule allow-skip", null, 0, false), infos.get(1));

        service.updatedTransitionRule(lax, ruleProperties("ALLOW-SKIP", -1, 20L));
        Opportunity other = startedOn("FLAT");
        assertThrows(ConflictException.class,
                () -> service.move(other.no(), StageUpdate.to(OpportunityAction.SKIP, 3), null));
    }

    @Test
    public void theInstalledRulesAreListed() {
        List<TransitionRuleInfo> infos = service.transitionRules();
        assertEquals(List.of(new TransitionRuleInfo("allow-skip", "rule allow-skip", null, 0, true),
                new TransitionRuleInfo("quote-required", "rule quote-required", null, 0, true)), infos);
    }

    @Test
    public void aFailingRuleRefusesTheMoveWith503AndWritesNothing() {
        service.addTransitionRule(move -> {
            throw new IllegalStateException("boom");
        }, ruleProperties("broken", 0, 10L));
        Opportunity opportunity = createOpportunity();
        UnavailableException e = assertThrows(UnavailableException.class,
                () -> service.activate(opportunity.no(), null, null));
        assertTrue(e.getMessage(), e.getMessage().contains("transition rule broken failed"));
        assertTrue(entries(opportunity.no()).isEmpty());
        assertEquals(1, eventAdmin.posted.size());
    }

    @Test
    public void aRuleWithoutANameIsRefusedVisiblyAndNeverEvaluated() {
        TransitionRule unnamed = new TransitionRule() {
            @Override
            public Optional<String> check(ProposedMove move) {
                return Optional.of("no");
            }
        };
        service.addTransitionRule(unnamed, java.util.Map.of(TransitionRule.DESCRIPTION_PROPERTY, "refuses all",
                "service.ranking", 100));
        Opportunity opportunity = createOpportunity();
        service.activate(opportunity.no(), null, null);
        assertEquals(1, entries(opportunity.no()).size());

        TransitionRuleInfo listed = service.transitionRules().stream()
                .filter(info -> info.name().equals(unnamed.getClass().getName())).findFirst().orElseThrow();
        assertEquals(new TransitionRuleInfo(unnamed.getClass().getName(), "refuses all", null, 100, false,
                "it has no opportune.transition.rule service property, which names it"), listed);

        service.updatedTransitionRule(unnamed, ruleProperties("no-way", 100, 30L));
        assertTrue("named by an update, it is evaluated", service.transitionRules().stream()
                .anyMatch(info -> info.name().equals("no-way") && info.active() && info.problem() == null));
    }
}
