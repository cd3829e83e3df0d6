package org.opportune.reporting.internal.reports;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.opportune.api.Page;
import org.opportune.api.PageRequest;
import org.opportune.api.cycle.SalesCycleService;
import org.opportune.api.cycle.SalesCycleStage;
import org.opportune.api.opportunity.Opportunity;
import org.opportune.api.opportunity.OpportunityQuery;
import org.opportune.api.opportunity.OpportunityService;
import org.opportune.api.report.Report;
import org.opportune.api.report.ReportArguments;
import org.opportune.api.report.ReportParameter;
import org.opportune.api.report.ReportResult;
import org.opportune.api.report.ValueType;
import org.opportune.api.statistics.Figures;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * The stale deals (DOMAIN §11): opportunities in progress idle at their stage for longer than its
 * {@code maxDaysIdle}, by salesperson and then the longest idle first. Every stale deal is a row (the list's filter
 * decides which, as of today); the opportunity service scopes a {@code salesperson} to its own.
 */
@Component(service = Report.class, property = Report.ID_PROPERTY + "=stale-opportunities")
public class StaleOpportunitiesReport extends BuiltInReport {
    /** By salesperson, then the longest idle first, then by no. so that the order is always the same. */
    private static final Comparator<Opportunity> ORDER = Comparator
            .comparing(Opportunity::salespersonCode, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(Opportunity::daysIdle, Comparator.nullsLast(Comparator.reverseOrder()))
            .thenComparing(Opportunity::no);

    private final OpportunityService opportunities;
    /** Optional, so that the reporting feature resolves without the cycles module (the stale list needs it). */
    private final OptionalService<SalesCycleService> cycles = new OptionalService<>("sales cycles");

    @Activate
    public StaleOpportunitiesReport(@Reference OpportunityService opportunities) {
        super("stale-opportunities", "Stale opportunities",
                "The opportunities in progress idle at their stage for longer than the stage allows, by"
                        + " salesperson and the longest idle first, with their days idle.",
                List.of(ReportParameter.optional("salespersonCode", ValueType.STRING, "only this salesperson's"),
                        ReportParameter.optional("salesCycleCode", ValueType.STRING, "only this sales cycle's")));
        this.opportunities = opportunities;
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void bindCycles(SalesCycleService service) {
        cycles.bind(service);
    }

    void unbindCycles(SalesCycleService service) {
        cycles.unbind(service);
    }

    @Override
    public ReportResult run(Map<String, Object> parameters) {
        ReportArguments args = ReportArguments.of(parameters);
        OpportunityQuery query = OpportunityQuery.all().withStale(true)
                .withSalespersonCode(args.text("salespersonCode"))
                .withSalesCycleCode(args.text("salesCycleCode"));
        List<Opportunity> stale = every(query);
        stale.sort(ORDER);
        ReportResult.Builder result = ReportResult.builder(id(), title()).parameters(parameters)
                .column("salespersonCode", ValueType.STRING, "Salesperson")
                .column("no", ValueType.STRING, "No.")
                .column("description", ValueType.STRING, "Description")
                .column("salesCycleCode", ValueType.STRING, "Sales Cycle")
                .column("currentStage", ValueType.INTEGER, "Stage")
                .column("daysIdle", ValueType.INTEGER, "Days Idle")
                .column("maxDaysIdle", ValueType.INTEGER, "Max. Days Idle")
                .column("estimatedValue", ValueType.DECIMAL, "Estimated Value")
                .column("calculatedCurrentValue", ValueType.DECIMAL, "Calc. Current Value");
        Map<String, Integer> maxDaysIdle = new HashMap<>(); // per cycle and stage: deals share few stages
        BigDecimal estimated = BigDecimal.ZERO;
        BigDecimal current = BigDecimal.ZERO;
        for (Opportunity opportunity : stale) {
            Map<String, Object> row = result.row();
            row.put("salespersonCode", opportunity.salespersonCode());
            row.put("no", opportunity.no());
            row.put("description", opportunity.description());
            row.put("salesCycleCode", opportunity.salesCycleCode());
            row.put("currentStage", longOrNull(opportunity.currentStage()));
            row.put("daysIdle", longOrNull(opportunity.daysIdle()));
            row.put("maxDaysIdle", longOrNull(maxDaysIdle.computeIfAbsent(
                    opportunity.salesCycleCode() + "/" + opportunity.currentStage(), key -> maxDaysIdle(opportunity))));
            row.put("estimatedValue", opportunity.estimatedValue());
            row.put("calculatedCurrentValue", opportunity.calculatedCurrentValue());
            estimated = add(estimated, opportunity.estimatedValue());
            current = add(current, opportunity.calculatedCurrentValue());
        }
        return result.total("count", (long) stale.size()).total("estimatedValue", rounded(estimated))
                .total("calculatedCurrentValue", rounded(current)).build();
    }

    /** Every page: a stale deal left out would be one nobody chases. */
    private List<Opportunity> every(OpportunityQuery query) {
        List<Opportunity> read = new ArrayList<>();
        Page<Opportunity> page;
        do {
            page = opportunities.list(query, PageRequest.of(read.size(), PageRequest.MAX_LIMIT, "salespersonCode,no"));
            read.addAll(page.items());
        } while (page.items().size() == PageRequest.MAX_LIMIT);
        return read;
    }

    /** @return null when the stage is gone meanwhile or sets no limit any more */
    private Integer maxDaysIdle(Opportunity opportunity) {
        if (opportunity.salesCycleCode() == null || opportunity.currentStage() == null) {
            return null;
        }
        return cycles.require().findStage(opportunity.salesCycleCode(), opportunity.currentStage())
                .map(SalesCycleStage::maxDaysIdle).orElse(null);
    }

    private static Long longOrNull(Integer value) {
        return value == null ? null : value.longValue();
    }

    private static BigDecimal add(BigDecimal sum, BigDecimal value) {
        return value == null ? sum : sum.add(value);
    }

    /** A sum of the deals' unrounded values, rounded once at the end as the statistics' sums are (DOMAIN). */
    private static BigDecimal rounded(BigDecimal sum) {
        return sum.setScale(Figures.AMOUNT_SCALE, RoundingMode.HALF_UP);
    }
}
