package org.opportune.opportunities.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.time.LocalDate;
import java.util.List;

import org.junit.Test;
import org.opportune.api.ConflictException;
import org.opportune.api.FieldError;
import org.opportune.api.NotFoundException;
import org.opportune.api.StaleVersionException;
import org.opportune.api.UnavailableException;
import org.opportune.api.ValidationException;
import org.opportune.api.opportunity.ActionTaken;
import org.opportune.api.opportunity.Activation;
import org.opportune.api.opportunity.Opportunity;
import org.opportune.api.opportunity.OpportunityAction;
import org.opportune.api.opportunity.OpportunityEntry;
import org.opportune.api.opportunity.OpportunityStatus;
import org.opportune.api.opportunity.StageUpdate;
import org.opportune.api.opportunity.UpdateOption;
import org.opportune.api.opportunity.UpdateOptions;

/** DOMAIN §4–§5: each action's candidates, defaults, recorded action and values, and each refusal. */
public class MoveRulesTest extends OpportunityTestSupport {

    private Opportunity move(Opportunity opportunity, StageUpdate update) {
        return service.move(opportunity.no(), update, null);
    }

    private static StageUpdate update(OpportunityAction action, Integer stage, String estimatedValue, String chances,
            LocalDate dateOfChange, LocalDate estimatedCloseDate) {
        return stageUpdate(action, stage, dateOfChange, estimatedValue == null ? null : d(estimatedValue),
                chances == null ? null : d(chances), estimatedCloseDate);
    }

    private UpdateOption option(Opportunity opportunity, OpportunityAction action) {
        return service.updateOptions(opportunity.no()).option(action).orElseThrow();
    }

    // ---- activation --------------------------------------------------------------------------

    @Test
    public void activateFirstStageStartsWithValueZeroAndTheStagesChances() {
        Opportunity opportunity = createOpportunity();
        assertEquals(OpportunityStatus.NOT_STARTED, opportunity.status());
        assertNull(opportunity.currentStage());

        Opportunity started = service.activate(opportunity.no(), null, opportunity.version());

        assertEquals(OpportunityStatus.IN_PROGRESS, started.status());
        OpportunityEntry entry = lastEntry(opportunity.no());
        assertEquals(1, entry.stage());
        assertEquals(ActionTaken.NONE, entry.actionTaken());
        assertEquals(JAN_10, entry.dateOfChange());
        assertNumber("0", entry.estimatedValue());
        assertNumber("20", entry.chancesOfSuccessPercent());
        assertNumber("10", entry.completedPercent());
        assertNumber("2", entry.probabilityPercent());
        assertNumber("0", entry.calculatedCurrentValue());
        assertEquals(JAN_10.plusDays(5), entry.estimatedCloseDate());
        assertEquals(Integer.valueOf(1), started.currentStage());
        assertTrue(started.version() > opportunity.version());
    }

    @Test
    public void activateTakesAGivenDateOfChange() {
        Opportunity opportunity = createOpportunity();
        service.activate(opportunity.no(), LocalDate.of(2024, 2, 1), null);
        OpportunityEntry entry = lastEntry(opportunity.no());
        assertEquals(LocalDate.of(2024, 2, 1), entry.dateOfChange());
        assertEquals(LocalDate.of(2024, 2, 6), entry.estimatedCloseDate());
    }

    @Test
    public void activateIsRefusedOnceStartedAndOnACycleWithoutStages() {
        Opportunity opportunity = started();
        ConflictException started = assertThrows(ConflictException.class,
                () -> service.activate(opportunity.no(), null, null));
        assertTrue(started.getMessage(), started.getMessage().contains("started already"));

        Opportunity empty = service.create(newOpportunity(null, "No stages", "CT1", null, "EMPTY", null));
        ConflictException noStages = assertThrows(ConflictException.class,
                () -> service.activate(empty.no(), null, null));
        assertTrue(noStages.getMessage(), noStages.getMessage().contains("has no stages"));
        assertTrue(entries(empty.no()).isEmpty());
    }

    @Test
    public void createWithActivationKeepsTheGivenChances() {
        Opportunity opportunity = started();
        OpportunityEntry entry = lastEntry(opportunity.no());
        assertEquals(ActionTaken.NONE, entry.actionTaken());
        assertNumber("25", entry.chancesOfSuccessPercent());
        assertNumber("10000", entry.estimatedValue());
        assertNumber("2.5", entry.probabilityPercent());
        assertNumber("250", entry.calculatedCurrentValue());
    }

    @Test
    public void createWithActivationNeedsValueChancesAndCloseDate() {
        ValidationException e = assertThrows(ValidationException.class,
                () -> service.create(newOpportunity(null, "Deal", "CT1", null, "STD", null,
                        activation(null, null, d("0"), null))));
        assertEquals(List.of("activate.estimatedValue", "activate.estimatedCloseDate",
                "activate.chancesOfSuccessPercent"), e.errors().stream().map(FieldError::field).toList());
        assertEquals(0, service.list(null, org.opportune.api.PageRequest.first()).total());
    }

    @Test
    public void createWithActivationOnACycleWithoutStagesWritesNothing() {
        assertThrows(ConflictException.class,
                () -> service.create(newOpportunity(null, "Deal", "CT1", null, "EMPTY", null,
                        activation(null, d("100"), d("10"), JAN_10.plusDays(30)))));
        assertEquals(0, service.list(null, org.opportune.api.PageRequest.first()).total());
        assertTrue(eventAdmin.posted.isEmpty());
    }

    @Test
    public void createWithActivationReplacesACloseDateEqualToTheDateOfChangeByTheFormula() {
        Opportunity opportunity = service.create(newOpportunity(null, "Deal", "CT1", null, "STD", null,
                activation(JAN_10, d("100"), d("10"), JAN_10)));
        assertEquals(JAN_10.plusDays(5), opportunity.estimatedCloseDate());
    }

    // ---- FIRST -----------------------------------------------------------------------------

    @Test
    public void aNotStartedOpportunityOffersOnlyFirst() {
        Opportunity opportunity = createOpportunity();
        UpdateOptions options = service.updateOptions(opportunity.no());
        assertEquals(OpportunityAction.values().length, options.options().size());
        UpdateOption first = options.option(OpportunityAction.FIRST).orElseThrow();
        assertEquals(List.of(1), first.candidateStages());
        assertEquals(Integer.valueOf(1), first.defaults().stage());
        assertEquals(ActionTaken.NONE, first.actionTaken());
        // there is no last estimated value to default to: FIRST needs one given
        assertFalse(first.possible());
        assertTrue(first.reason(), first.reason().contains("estimatedValue"));
        for (OpportunityAction action : List.of(OpportunityAction.NEXT, OpportunityAction.PREVIOUS,
                OpportunityAction.SKIP, OpportunityAction.JUMP, OpportunityAction.UPDATE)) {
            UpdateOption option = options.option(action).orElseThrow();
            assertFalse(option.possible());
            assertTrue(option.candidateStages().isEmpty());
            assertTrue(option.reason(), option.reason().contains("is not started"));
        }
        ConflictException next = assertThrows(ConflictException.class,
                () -> move(opportunity, StageUpdate.of(OpportunityAction.NEXT)));
        assertTrue(next.getMessage(), next.getMessage().contains("only FIRST"));
    }

    @Test
    public void firstStartsAtTheLowestStageWithTheDefaultsOfAnUpdate() {
        Opportunity opportunity = createOpportunity();
        move(opportunity, update(OpportunityAction.FIRST, null, "5000", null, null, null));
        OpportunityEntry entry = lastEntry(opportunity.no());
        assertEquals(1, entry.stage());
        assertEquals(ActionTaken.NONE, entry.actionTaken());
        assertNumber("20", entry.chancesOfSuccessPercent());
        assertNumber("5000", entry.estimatedValue());
        assertNumber("100", entry.calculatedCurrentValue());
        assertEquals(JAN_10.plusDays(5), entry.estimatedCloseDate());
    }

    @Test
    public void firstIsRefusedOnceStarted() {
        Opportunity opportunity = started();
        assertFalse(option(opportunity, OpportunityAction.FIRST).possible());
        assertThrows(ConflictException.class,
                () -> move(opportunity, update(OpportunityAction.FIRST, null, "100", null, null, null)));
    }

    // ---- NEXT, PREVIOUS, UPDATE ------------------------------------------------------------

    @Test
    public void nextGoesToTheLowestStageAboveWithTheDefaults() {
        Opportunity opportunity = started();
        UpdateOption next = option(opportunity, OpportunityAction.NEXT);
        assertTrue(next.possible());
        assertEquals(List.of(2), next.candidateStages());
        assertEquals(stageUpdate(OpportunityAction.NEXT, 2, JAN_10, d("10000"), d("40"), JAN_10.plusDays(10)),
                next.defaults());
        assertEquals(ActionTaken.NEXT, next.actionTaken());
    }

    @Test
    public void nextIsNotPossibleAtTheLastStage() {
        Opportunity opportunity = startedAt(4);
        UpdateOption next = option(opportunity, OpportunityAction.NEXT);
        assertFalse(next.possible());
        assertTrue(next.candidateStages().isEmpty());
        assertNull(next.defaults());
        assertTrue(next.reason(), next.reason().contains("no stage above stage 4"));
    }

    @Test
    public void aStageThatIsNotACandidateIsRefused() {
        Opportunity opportunity = started();
        ConflictException e = assertThrows(ConflictException.class,
                () -> move(opportunity, StageUpdate.to(OpportunityAction.NEXT, 3)));
        assertTrue(e.getMessage(), e.getMessage().contains("stage 3 is not a candidate of NEXT from stage 1"));
        assertEquals("stage", e.errors().get(0).field());
        assertEquals(1, entries(opportunity.no()).size());
    }

    @Test
    public void previousGoesToTheHighestStageBelowAndKeepsGivenChances() {
        Opportunity opportunity = startedAt(3);
        assertEquals(List.of(2), option(opportunity, OpportunityAction.PREVIOUS).candidateStages());
        move(opportunity, update(OpportunityAction.PREVIOUS, null, null, "33", null, null));
        OpportunityEntry entry = lastEntry(opportunity.no());
        assertEquals(2, entry.stage());
        assertEquals(Integer.valueOf(3), entry.previousStage());
        assertEquals(ActionTaken.PREVIOUS, entry.actionTaken());
        assertNumber("33", entry.chancesOfSuccessPercent());
        assertNumber("30", entry.completedPercent());
        assertNumber("9.9", entry.probabilityPercent());
    }

    @Test
    public void previousIsNotPossibleAtTheFirstStage() {
        Opportunity opportunity = started();
        assertFalse(option(opportunity, OpportunityAction.PREVIOUS).possible());
        assertThrows(ConflictException.class, () -> move(opportunity, StageUpdate.of(OpportunityAction.PREVIOUS)));
    }

    @Test
    public void updateStaysAtTheStageAndRecordsUpdated() {
        Opportunity opportunity = startedAt(2);
        clock.set(JAN_10.plusDays(3));
        assertEquals(List.of(2), option(opportunity, OpportunityAction.UPDATE).candidateStages());
        Opportunity updated = move(opportunity, update(OpportunityAction.UPDATE, null, "15000", null, null, null));
        OpportunityEntry entry = lastEntry(opportunity.no());
        assertEquals(2, entry.stage());
        assertEquals(Integer.valueOf(2), entry.previousStage());
        assertEquals(ActionTaken.UPDATED, entry.actionTaken());
        assertNumber("40", entry.chancesOfSuccessPercent());
        assertNumber("1800", entry.calculatedCurrentValue());
        assertEquals(JAN_10.plusDays(13), entry.estimatedCloseDate());
        assertNumber("15000", updated.estimatedValue());
        List<OpportunityEntry> entries = entries(opportunity.no());
        assertEquals(3, entries.get(entries.size() - 2).daysOpen());
    }

    // ---- SKIP --------------------------------------------------------------------------------

    @Test
    public void skipOffersTheChainOfSkippableStages() {
        assertEquals(List.of(2, 3, 4), option(started(), OpportunityAction.SKIP).candidateStages());
        assertEquals(List.of(3, 4), option(startedAt(2), OpportunityAction.SKIP).candidateStages());
        UpdateOption fromThree = option(startedAt(3), OpportunityAction.SKIP);
        assertFalse(fromThree.possible());
        assertTrue(fromThree.candidateStages().isEmpty());
        assertEquals(List.of("allow-skip"), fromThree.rules());
        assertTrue(fromThree.reason(), fromThree.reason().contains("stage 4 does not allow skip"));
    }

    @Test
    public void skipDefaultsToTheNextStageAndRecordsItAsNext() {
        Opportunity opportunity = started();
        UpdateOption skip = option(opportunity, OpportunityAction.SKIP);
        assertTrue(skip.possible());
        assertEquals(Integer.valueOf(2), skip.defaults().stage());
        assertEquals(ActionTaken.NEXT, skip.actionTaken());
        move(opportunity, StageUpdate.of(OpportunityAction.SKIP));
        OpportunityEntry entry = lastEntry(opportunity.no());
        assertEquals(2, entry.stage());
        assertEquals(ActionTaken.NEXT, entry.actionTaken());
    }

    @Test
    public void skipOverAStageIsRecordedAsJumpedAndTakesTheStagesChances() {
        Opportunity opportunity = started();
        move(opportunity, update(OpportunityAction.SKIP, 3, null, "90", null, null));
        OpportunityEntry entry = lastEntry(opportunity.no());
        assertEquals(3, entry.stage());
        assertEquals(Integer.valueOf(1), entry.previousStage());
        assertEquals(ActionTaken.JUMPED, entry.actionTaken());
        assertNumber("50", entry.chancesOfSuccessPercent());
        assertNumber("30", entry.probabilityPercent());
        assertNumber("3000", entry.calculatedCurrentValue());
        // Ours: the default close date comes from the target stage's formula, not the next stage's
        assertEquals(JAN_10.plusDays(7), entry.estimatedCloseDate());
    }

    @Test
    public void skipToTheAdjacentStageAlsoTakesTheStagesChances() {
        Opportunity opportunity = started();
        move(opportunity, update(OpportunityAction.SKIP, 2, null, "90", null, null));
        OpportunityEntry entry = lastEntry(opportunity.no());
        assertEquals(ActionTaken.NEXT, entry.actionTaken());
        assertNumber("40", entry.chancesOfSuccessPercent());
    }

    @Test
    public void skipChainsEndWithTheFirstStageThatDoesNotAllowSkip() {
        // 1 no, 2 yes, 3 no, 4 yes, 5 no
        cycles.add("SKP", "MULTIPLY", false,
                FakeCycles.stage(1, "One", "10", "10", null, false, false),
                FakeCycles.stage(2, "Two", "20", "20", null, true, false),
                FakeCycles.stage(3, "Three", "30", "30", null, false, false),
                FakeCycles.stage(4, "Four", "40", "40", null, true, false),
                FakeCycles.stage(5, "Five", "50", "50", null, false, false));
        Opportunity opportunity = startedOn("SKP");
        assertEquals(List.of(2, 3), option(opportunity, OpportunityAction.SKIP).candidateStages());

        ConflictException e = assertThrows(ConflictException.class,
                () -> move(opportunity, StageUpdate.to(OpportunityAction.SKIP, 4)));
        assertEquals(List.of("allow-skip"), e.rules());
        assertTrue(e.getMessage(), e.getMessage().contains("stage 3 does not allow skip"));

        Opportunity atTwo = move(opportunity, StageUpdate.of(OpportunityAction.NEXT));
        UpdateOption fromTwo = option(atTwo, OpportunityAction.SKIP);
        assertFalse(fromTwo.possible());
        assertTrue(fromTwo.reason(), fromTwo.reason().contains("the next stage 3 does not allow skip"));
    }

    @Test
    public void skipNeedsTwoCandidates() {
        cycles.add("TWO", "MULTIPLY", false,
                FakeCycles.stage(1, "One", "10", "10", null, false, false),
                FakeCycles.stage(2, "Two", "20", "20", null, true, false));
        Opportunity opportunity = startedOn("TWO");
        UpdateOption skip = option(opportunity, OpportunityAction.SKIP);
        assertFalse(skip.possible());
        assertEquals(List.of(2), skip.candidateStages());
        assertTrue(skip.reason(), skip.reason().contains("needs at least 2 candidate stages and has 1"));
        assertTrue(skip.rules().isEmpty());
        assertThrows(ConflictException.class, () -> move(opportunity, StageUpdate.of(OpportunityAction.SKIP)));
    }

    @Test
    public void stagesWithoutChancesLeaveTheGivenChancesOnSkip() {
        cycles.add("ZERO", "MULTIPLY", false,
                FakeCycles.stage(1, "One", "10", "10", null, true, false),
                FakeCycles.stage(2, "Two", "20", "0", null, true, false),
                FakeCycles.stage(3, "Three", "30", "0", null, false, false));
        Opportunity opportunity = startedOn("ZERO");
        move(opportunity, update(OpportunityAction.SKIP, 3, null, "70", null, null));
        assertNumber("70", lastEntry(opportunity.no()).chancesOfSuccessPercent());

        // without given chances the default is the stage's 0, which a move may not have
        Opportunity other = startedOn("ZERO");
        ConflictException e = assertThrows(ConflictException.class,
                () -> move(other, StageUpdate.to(OpportunityAction.SKIP, 3)));
        assertEquals("chancesOfSuccessPercent", e.errors().get(0).field());
    }

    // ---- JUMP --------------------------------------------------------------------------------

    @Test
    public void jumpOffersEveryStageBelowAndDefaultsToTheHighest() {
        Opportunity opportunity = startedAt(4);
        UpdateOption jump = option(opportunity, OpportunityAction.JUMP);
        assertTrue(jump.possible());
        assertEquals(List.of(1, 2, 3), jump.candidateStages());
        assertEquals(Integer.valueOf(3), jump.defaults().stage());
        assertEquals(ActionTaken.PREVIOUS, jump.actionTaken());
        move(opportunity, StageUpdate.of(OpportunityAction.JUMP));
        OpportunityEntry entry = lastEntry(opportunity.no());
        assertEquals(3, entry.stage());
        assertEquals(ActionTaken.PREVIOUS, entry.actionTaken());
    }

    @Test
    public void jumpOverStagesIsRecordedAsJumpedAndTakesTheStagesChances() {
        Opportunity opportunity = startedAt(4);
        move(opportunity, update(OpportunityAction.JUMP, 1, null, "60", null, null));
        OpportunityEntry entry = lastEntry(opportunity.no());
        assertEquals(1, entry.stage());
        assertEquals(Integer.valueOf(4), entry.previousStage());
        assertEquals(ActionTaken.JUMPED, entry.actionTaken());
        assertNumber("20", entry.chancesOfSuccessPercent());
        assertEquals(JAN_10.plusDays(5), entry.estimatedCloseDate());
    }

    @Test
    public void jumpNeedsTwoCandidates() {
        Opportunity atTwo = startedAt(2);
        UpdateOption jump = option(atTwo, OpportunityAction.JUMP);
        assertFalse(jump.possible());
        assertEquals(List.of(1), jump.candidateStages());
        assertThrows(ConflictException.class, () -> move(atTwo, StageUpdate.to(OpportunityAction.JUMP, 1)));
        assertFalse(option(started(), OpportunityAction.JUMP).possible());
    }

    // ---- values --------------------------------------------------------------------------------

    @Test
    public void theGivenCloseDateIsKeptUnlessItEqualsTheDateOfChange() {
        Opportunity opportunity = started();
        move(opportunity, update(OpportunityAction.NEXT, null, null, null, null, LocalDate.of(2024, 6, 30)));
        assertEquals(LocalDate.of(2024, 6, 30), lastEntry(opportunity.no()).estimatedCloseDate());
        move(opportunity, update(OpportunityAction.UPDATE, null, null, null, JAN_10, JAN_10));
        assertEquals(JAN_10.plusDays(10), lastEntry(opportunity.no()).estimatedCloseDate());
    }

    @Test
    public void closeDatesFollowTheStagesDateFormulas() {
        cycles.add("FRM", "MULTIPLY", false,
                FakeCycles.stage(1, "One", "10", "10", "1M+CM", false, false),
                FakeCycles.stage(2, "Two", "20", "20", "CQ", false, false),
                FakeCycles.stage(3, "Three", "30", "30", null, false, false));
        Opportunity opportunity = createOpportunity();
        service.update(opportunity.no(), change(opportunity, "Big deal", "CT1", "JO", "FRM", null), null);
        service.activate(opportunity.no(), LocalDate.of(2024, 1, 31), null);
        assertEquals(LocalDate.of(2024, 2, 29), lastEntry(opportunity.no()).estimatedCloseDate());
        clock.set(LocalDate.of(2024, 2, 10));
        move(opportunity, update(OpportunityAction.NEXT, null, "100", null, null, null));
        assertEquals(LocalDate.of(2024, 3, 31), lastEntry(opportunity.no()).estimatedCloseDate());
        move(opportunity, StageUpdate.of(OpportunityAction.NEXT));
        // no formula: the close date is the date of change
        assertEquals(LocalDate.of(2024, 2, 10), lastEntry(opportunity.no()).estimatedCloseDate());
    }

    @Test
    public void theDefaultDateOfChangeIsTheLaterOfTodayAndTheLastOne() {
        Opportunity opportunity = started();
        move(opportunity, update(OpportunityAction.NEXT, null, null, null, LocalDate.of(2024, 3, 1), null));
        UpdateOption update = option(opportunity, OpportunityAction.UPDATE);
        assertEquals(LocalDate.of(2024, 3, 1), update.defaults().dateOfChange());
        move(opportunity, StageUpdate.of(OpportunityAction.UPDATE));
        OpportunityEntry entry = lastEntry(opportunity.no());
        assertEquals(LocalDate.of(2024, 3, 1), entry.dateOfChange());
        clock.set(LocalDate.of(2024, 3, 5));
        assertEquals(LocalDate.of(2024, 3, 5), option(opportunity, OpportunityAction.UPDATE).defaults().dateOfChange());
    }

    @Test
    public void otherProbabilityModelsAreUsedAsTheCycleNamesThem() {
        cycles.add("ADDC", "ADD", false, FakeCycles.stage(1, "One", "10", "20", null, false, false));
        cycles.add("CHNC", "CHANCES_OF_SUCCESS", false, FakeCycles.stage(1, "One", "10", "20", null, false, false));
        cycles.add("CMPL", "COMPLETED", false, FakeCycles.stage(1, "One", "10", "20", null, false, false));
        assertNumber("17.5", startedOn("ADDC").probabilityPercent());
        assertNumber("1750", startedOn("ADDC").calculatedCurrentValue());
        assertNumber("25", startedOn("CHNC").probabilityPercent());
        assertNumber("10", startedOn("CMPL").probabilityPercent());
    }

    // ---- refusals ----------------------------------------------------------------------------

    @Test
    public void aDateOfChangeBeforeTheLastOneIsRefusedButTheSameDayIsFine() {
        Opportunity opportunity = started();
        ConflictException e = assertThrows(ConflictException.class, () -> move(opportunity,
                update(OpportunityAction.NEXT, null, null, null, JAN_10.minusDays(1), null)));
        assertEquals("dateOfChange", e.errors().get(0).field());
        move(opportunity, update(OpportunityAction.NEXT, null, null, null, JAN_10, null));
        assertEquals(2, lastEntry(opportunity.no()).stage());
        assertEquals(0, entries(opportunity.no()).get(0).daysOpen());
    }

    @Test
    public void valuesInvalidInThemselvesAreRefusedWith400() {
        Opportunity opportunity = started();
        ValidationException value = assertThrows(ValidationException.class,
                () -> move(opportunity, update(OpportunityAction.NEXT, null, "0", null, null, null)));
        assertEquals("estimatedValue", value.errors().get(0).field());
        assertThrows(ValidationException.class,
                () -> move(opportunity, update(OpportunityAction.NEXT, null, "-5", null, null, null)));
        assertThrows(ValidationException.class,
                () -> move(opportunity, update(OpportunityAction.NEXT, null, "10.001", null, null, null)));
        ValidationException zero = assertThrows(ValidationException.class,
                () -> move(opportunity, update(OpportunityAction.NEXT, null, null, "0", null, null)));
        assertEquals("chancesOfSuccessPercent", zero.errors().get(0).field());
        assertThrows(ValidationException.class,
                () -> move(opportunity, update(OpportunityAction.NEXT, null, null, "100.5", null, null)));
        ValidationException closeDate = assertThrows(ValidationException.class, () -> move(opportunity,
                update(OpportunityAction.NEXT, null, null, null, JAN_10.plusDays(5), JAN_10.plusDays(4))));
        assertEquals("estimatedCloseDate", closeDate.errors().get(0).field());
        ValidationException action = assertThrows(ValidationException.class,
                () -> move(opportunity, null)); // a StageUpdate cannot be built without an action
        assertEquals("action", action.errors().get(0).field());
        assertEquals(1, entries(opportunity.no()).size());
    }

    @Test
    public void aCloseDateBeforeTheDefaultedDateOfChangeIsAConflict() {
        Opportunity opportunity = started();
        ConflictException e = assertThrows(ConflictException.class, () -> move(opportunity,
                update(OpportunityAction.NEXT, null, null, null, null, JAN_10.minusDays(1))));
        assertEquals("estimatedCloseDate", e.errors().get(0).field());
    }

    @Test
    public void aDefaultEstimatedValueOfZeroIsRefused() {
        Opportunity opportunity = createOpportunity();
        service.activate(opportunity.no(), null, null);
        ConflictException e = assertThrows(ConflictException.class,
                () -> move(opportunity, StageUpdate.of(OpportunityAction.NEXT)));
        assertEquals("estimatedValue", e.errors().get(0).field());
        assertFalse(option(opportunity, OpportunityAction.NEXT).possible());
        move(opportunity, update(OpportunityAction.NEXT, null, "500", null, null, null));
        assertNumber("500", lastEntry(opportunity.no()).estimatedValue());
    }

    @Test
    public void aMissingProbabilityModelRefusesTheMoveWith503AndWritesNothing() {
        Opportunity opportunity = started();
        cycles.removeModel("MULTIPLY");
        UnavailableException e = assertThrows(UnavailableException.class,
                () -> move(opportunity, StageUpdate.of(OpportunityAction.NEXT)));
        assertTrue(e.getMessage(), e.getMessage().contains("probability model MULTIPLY is not available"));
        assertEquals(1, entries(opportunity.no()).size());
        assertEquals(opportunity.version(), service.get(opportunity.no()).version());
        UpdateOption next = option(opportunity, OpportunityAction.NEXT);
        assertFalse(next.possible());
        assertTrue(next.reason(), next.reason().contains("MULTIPLY"));
    }

    @Test
    public void movesNeedTheCyclesModule() {
        Opportunity opportunity = started();
        modules.cycles = null;
        UnavailableException e = assertThrows(UnavailableException.class,
                () -> move(opportunity, StageUpdate.of(OpportunityAction.NEXT)));
        assertTrue(e.getMessage(), e.getMessage().contains("cycles module"));
        assertThrows(UnavailableException.class, () -> service.updateOptions(opportunity.no()));
        assertEquals(opportunity, service.get(opportunity.no()));
        assertEquals(1, entries(opportunity.no()).size());
    }

    @Test
    public void aStaleVersionIsRefusedWith412() {
        Opportunity opportunity = started();
        Opportunity moved = service.move(opportunity.no(), StageUpdate.of(OpportunityAction.NEXT), opportunity.version());
        assertThrows(StaleVersionException.class,
                () -> service.move(opportunity.no(), StageUpdate.of(OpportunityAction.NEXT), opportunity.version()));
        assertThrows(StaleVersionException.class, () -> service.activate(opportunity.no(), null, 99L));
        assertEquals(2, entries(opportunity.no()).size());
        service.move(opportunity.no(), StageUpdate.of(OpportunityAction.NEXT), moved.version());
        assertEquals(3, entries(opportunity.no()).size());
    }

    @Test
    public void anUnknownOpportunityIsNotFound() {
        assertThrows(NotFoundException.class, () -> service.move("OP999999", StageUpdate.of(OpportunityAction.NEXT),
                null));
        assertThrows(NotFoundException.class, () -> service.updateOptions("OP999999"));
        assertThrows(NotFoundException.class, () -> service.activate("OP999999", null, null));
    }

    // ---- quote required ------------------------------------------------------------------------

    private void quoteCycle() {
        cycles.add("QTE", "MULTIPLY", false,
                FakeCycles.stage(1, "Initial", "10", "20", null, true, false),
                FakeCycles.stage(2, "Presentation", "30", "40", null, true, false),
                FakeCycles.stage(3, "Quote", "60", "50", null, true, true),
                FakeCycles.stage(4, "Negotiation", "80", "75", null, false, false));
    }

    @Test
    public void nextAndSkipToAStageThatRequiresAQuoteNeedOne() {
        quoteCycle();
        Opportunity opportunity = startedOn("QTE");
        Opportunity atTwo = move(opportunity, StageUpdate.of(OpportunityAction.NEXT));
        ConflictException next = assertThrows(ConflictException.class,
                () -> move(atTwo, StageUpdate.of(OpportunityAction.NEXT)));
        assertEquals(List.of("quote-required"), next.rules());
        assertTrue(next.getMessage(), next.getMessage().contains("a sales quote must be assigned before this stage"));
        UpdateOption option = option(atTwo, OpportunityAction.NEXT);
        assertFalse(option.possible());
        assertEquals(List.of("quote-required"), option.rules());
        assertEquals(List.of(3), option.candidateStages());
        assertEquals(Integer.valueOf(3), option.defaults().stage());

        Opportunity other = startedOn("QTE");
        ConflictException skip = assertThrows(ConflictException.class,
                () -> move(other, StageUpdate.to(OpportunityAction.SKIP, 3)));
        assertEquals(List.of("quote-required"), skip.rules());

        service.assignSalesQuote(atTwo.no(), new org.opportune.api.opportunity.SalesQuote("SQ1", d("9000")), null);
        move(atTwo, StageUpdate.of(OpportunityAction.NEXT));
        OpportunityEntry entry = lastEntry(atTwo.no());
        assertEquals(3, entry.stage());
        assertNumber("9000", entry.estimatedValue());
    }

    @Test
    public void stagesSkippedOverAndOtherActionsAreNotCheckedForAQuote() {
        quoteCycle();
        Opportunity opportunity = startedOn("QTE");
        move(opportunity, StageUpdate.to(OpportunityAction.SKIP, 4));
        assertEquals(4, lastEntry(opportunity.no()).stage());
        move(opportunity, StageUpdate.of(OpportunityAction.PREVIOUS));
        assertEquals(3, lastEntry(opportunity.no()).stage());
        move(opportunity, StageUpdate.of(OpportunityAction.UPDATE));
        assertEquals(3, lastEntry(opportunity.no()).stage());
    }
}
