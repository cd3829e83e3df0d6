package org.opportune.reporting.internal.reports;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.opportune.api.PageRequest;
import org.opportune.api.opportunity.Opportunity;
import org.opportune.api.opportunity.OpportunityQuery;
import org.opportune.api.opportunity.OpportunityService;
import org.opportune.api.report.ReportParameter;
import org.opportune.api.report.ReportResult;
import org.opportune.api.report.ValueType;
import org.opportune.api.statistics.Aggregation;
import org.opportune.api.statistics.Figures;
import org.opportune.api.statistics.OpportunityStatisticsService;

/** Opportunities as report rows: the columns of NAV's "Opportunity – List", read page by page up to a limit. */
final class OpportunityRows {
    static final long MAX_ROWS = 10_000;
    static final ReportParameter LIMIT = ReportParameter.count("limit",
            "at most this many rows; the totals count every opportunity that matches", 1, MAX_ROWS, 500);

    private OpportunityRows() {
    }

    /** Adds the opportunity columns after those {@code result} has; {@link #fill} sets them. */
    static ReportResult.Builder columns(ReportResult.Builder result) {
        return result.column("no", ValueType.STRING, "No.")
                .column("description", ValueType.STRING, "Description")
                .column("contactNo", ValueType.STRING, "Contact No.")
                .column("contactCompanyNo", ValueType.STRING, "Company No.")
                .column("salespersonCode", ValueType.STRING, "Salesperson")
                .column("salesCycleCode", ValueType.STRING, "Sales Cycle")
                .column("status", ValueType.STRING, "Status")
                .column("currentStage", ValueType.INTEGER, "Stage")
                .column("creationDate", ValueType.DATE, "Creation Date")
                .column("estimatedCloseDate", ValueType.DATE, "Estimated Close Date")
                .column("estimatedValue", ValueType.DECIMAL, "Estimated Value")
                .column("probabilityPercent", ValueType.DECIMAL, "Probability %")
                .column("calculatedCurrentValue", ValueType.DECIMAL, "Calc. Current Value")
                .column("dateClosed", ValueType.DATE, "Date Closed")
                .column("closeCode", ValueType.STRING, "Close Code");
    }

    static void fill(Map<String, Object> row, Opportunity opportunity) {
        row.put("no", opportunity.no());
        row.put("description", opportunity.description());
        row.put("contactNo", opportunity.contactNo());
        row.put("contactCompanyNo", opportunity.contactCompanyNo());
        row.put("salespersonCode", opportunity.salespersonCode());
        row.put("salesCycleCode", opportunity.salesCycleCode());
        row.put("status", opportunity.status().name());
        row.put("currentStage", opportunity.currentStage() == null ? null : opportunity.currentStage().longValue());
        row.put("creationDate", opportunity.creationDate());
        row.put("estimatedCloseDate", opportunity.estimatedCloseDate());
        row.put("estimatedValue", opportunity.estimatedValue());
        row.put("probabilityPercent", opportunity.probabilityPercent());
        row.put("calculatedCurrentValue", opportunity.calculatedCurrentValue());
        row.put("dateClosed", opportunity.dateClosed());
        row.put("closeCode", opportunity.closeCode());
    }

    /** Up to {@code limit} (checked by its declaration) opportunities in {@code sort} order, read in pages of the largest size the service allows. */
    static List<Opportunity> read(OpportunityService opportunities, OpportunityQuery query, String sort, long limit) {
        List<Opportunity> read = new ArrayList<>();
        while (read.size() < limit) {
            int size = (int) Math.min(PageRequest.MAX_LIMIT, limit - read.size());
            // the reports' totals come from their own sums: no count of every match
            List<Opportunity> page = opportunities.listItems(query, PageRequest.of(read.size(), size, sort));
            read.addAll(page);
            if (page.size() < size) {
                break;
            }
        }
        return read;
    }

    /**
     * The figures of every opportunity {@code aggregation} matches, as one group: summed and rounded once by the
     * database (DOMAIN: rounded once, at the end). Adding up the groups of a report instead would add sums
     * already rounded, which can be a cent off.
     */
    static Figures overall(OpportunityStatisticsService statistics, Aggregation aggregation) {
        return statistics.aggregate(aggregation.groupedBy()).get(0).figures(); // no keys: always one group
    }

    static ReportResult.Builder totals(ReportResult.Builder result, Figures figures) {
        return result.total("count", figures.count())
                .total("estimatedValue", figures.estimatedValue())
                .total("calculatedCurrentValue", figures.calculatedCurrentValue());
    }
}
