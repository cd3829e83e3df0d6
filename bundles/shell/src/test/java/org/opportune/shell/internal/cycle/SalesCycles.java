package org.opportune.shell.internal.cycle;

import java.math.BigDecimal;
import java.util.List;

import org.opportune.api.cycle.CloseOpportunityCode;
import org.opportune.api.cycle.CloseOpportunityCodeType;
import org.opportune.api.cycle.SalesCycle;
import org.opportune.api.cycle.SalesCycleStage;
import org.opportune.api.probability.ProbabilityModelInfo;

/**
 * The setup the tests start from: a cycle with three stages (numbered with a gap), a blocked one
 * whose model is not installed, an empty one; two built-in models and an outranked MULTIPLY; a
 * won and two lost close codes.
 */
final class SalesCycles {
    static final SalesCycleStage INITIAL = new SalesCycleStage(1, "Initial contact", new BigDecimal("10"),
            BigDecimal.ZERO, "INIT", false, false, "5D", 2L);
    static final SalesCycleStage PRESENTATION = new SalesCycleStage(2, "Presentation", new BigDecimal("33.3333"),
            new BigDecimal("50.00"), null, false, true, "1M+CM", 1L);
    static final SalesCycleStage PROPOSAL = new SalesCycleStage(4, "Proposal", new BigDecimal("75"),
            new BigDecimal("80.5"), "PROP", true, false, null, 3L);
    static final SalesCycle FIRM = new SalesCycle("FIRM", "Firm opportunities", "MULTIPLY", false, true,
            List.of(INITIAL, PRESENTATION, PROPOSAL), 5L);
    static final SalesCycle EXISTING = new SalesCycle("EXISTING", "Existing customers", "WEIGHTED", true, false,
            List.of(), 2L);
    static final SalesCycle NEW = new SalesCycle("NEW", null, "ADD", false, true, List.of(), 1L);

    static final ProbabilityModelInfo MULTIPLY = new ProbabilityModelInfo("MULTIPLY", "chances * completed / 100",
            "org.opportune.cycles", 0, true);
    static final ProbabilityModelInfo OUTRANKED_MULTIPLY = new ProbabilityModelInfo("MULTIPLY", "chances only",
            "com.example.models", -10, false);
    static final ProbabilityModelInfo ADD = new ProbabilityModelInfo("ADD", "(chances + completed) / 2",
            "org.opportune.cycles", 0, true);

    static final CloseOpportunityCode BETTER_PRICE = new CloseOpportunityCode("PRICE", "Better price",
            CloseOpportunityCodeType.WON, 2L);
    static final CloseOpportunityCode TOO_EXPENSIVE = new CloseOpportunityCode("EXPENSIVE", "Too expensive",
            CloseOpportunityCodeType.LOST, 1L);
    static final CloseOpportunityCode NO_BUDGET = new CloseOpportunityCode("NOBUDGET", null,
            CloseOpportunityCodeType.LOST, 3L);

    private SalesCycles() {
    }

    static FakeSalesCycleService cycles() {
        return new FakeSalesCycleService().with(FIRM).with(EXISTING).with(NEW)
                .withModel(ADD).withModel(MULTIPLY).withModel(OUTRANKED_MULTIPLY);
    }

    static FakeCloseOpportunityCodeService closeCodes() {
        return new FakeCloseOpportunityCodeService().with(BETTER_PRICE).with(TOO_EXPENSIVE).with(NO_BUDGET);
    }
}
