package org.opportune.shell.internal.cycle;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import org.opportune.api.cycle.CloseOpportunityCode;
import org.opportune.api.cycle.CloseOpportunityCodeType;
import org.opportune.api.cycle.SalesCycle;
import org.opportune.api.cycle.SalesCycleStage;
import org.opportune.api.probability.ProbabilityModelInfo;
import org.opportune.shell.internal.Views.CloseCodeView;
import org.opportune.shell.internal.Views.SalesCycleView;
import org.opportune.shell.internal.Views.StageView;

/**
 * The setup the tests start from: a cycle with three stages (numbered with a gap), a blocked one
 * whose model is not installed, an empty one that no one changed since 2.0; two built-in models and
 * an outranked MULTIPLY; a won and two lost close codes.
 */
final class SalesCycles {
    static final Instant SET_UP = Instant.parse("2024-01-02T07:59:30Z");

    static final SalesCycleStage INITIAL = new StageView(1, "Initial contact", new BigDecimal("10"),
            BigDecimal.ZERO, "INIT", false, false, "5D", 14, 2L, "admin", SET_UP);
    static final SalesCycleStage PRESENTATION = new StageView(2, "Presentation", new BigDecimal("33.3333"),
            new BigDecimal("50.00"), null, false, true, "1M+CM", null, 1L, "admin", SET_UP);
    static final SalesCycleStage PROPOSAL = new StageView(4, "Proposal", new BigDecimal("75"),
            new BigDecimal("80.5"), "PROP", true, false, null, null, 3L, "admin", SET_UP);
    static final SalesCycle FIRM = new SalesCycleView("FIRM", "Firm opportunities", "MULTIPLY", false, true,
            List.of(INITIAL, PRESENTATION, PROPOSAL), 5L, "admin", SET_UP);
    static final SalesCycle EXISTING = new SalesCycleView("EXISTING", "Existing customers", "WEIGHTED", true, false,
            List.of(), 2L, "admin", SET_UP);
    static final SalesCycle NEW = new SalesCycleView("NEW", null, "ADD", false, true, List.of(), 1L, null, null);

    static final ProbabilityModelInfo MULTIPLY = new ProbabilityModelInfo("MULTIPLY", "chances * completed / 100",
            "org.opportune.cycles", 0, true);
    static final ProbabilityModelInfo OUTRANKED_MULTIPLY = new ProbabilityModelInfo("MULTIPLY", "chances only",
            "com.example.models", -10, false);
    static final ProbabilityModelInfo ADD = new ProbabilityModelInfo("ADD", "(chances + completed) / 2",
            "org.opportune.cycles", 0, true);

    static final CloseOpportunityCode BETTER_PRICE = new CloseCodeView("PRICE", "Better price",
            CloseOpportunityCodeType.WON, 2L, "admin", SET_UP);
    static final CloseOpportunityCode TOO_EXPENSIVE = new CloseCodeView("EXPENSIVE", "Too expensive",
            CloseOpportunityCodeType.LOST, 1L, "admin", SET_UP);
    static final CloseOpportunityCode NO_BUDGET = new CloseCodeView("NOBUDGET", null,
            CloseOpportunityCodeType.LOST, 3L, null, null);

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
