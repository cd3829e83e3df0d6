package org.opportune.reporting.internal.reports;

import java.util.ArrayList;
import java.util.List;

import org.opportune.api.opportunity.OpportunityPriority;
import org.opportune.api.opportunity.OpportunityQuery;
import org.opportune.api.opportunity.OpportunityStatus;
import org.opportune.api.report.ReportArguments;
import org.opportune.api.report.ReportParameter;
import org.opportune.api.report.ValueType;

/** The opportunity list's filters (API.md) as report parameters, with the same names. */
final class ListFilters {
    static final List<String> STATUSES = names(OpportunityStatus.values());
    static final List<String> PRIORITIES = names(OpportunityPriority.values());

    static final List<ReportParameter> PARAMETERS = List.of(
            ReportParameter.optional("salespersonCode", ValueType.STRING, "only this salesperson's opportunities"),
            ReportParameter.optional("salesCycleCode", ValueType.STRING, "only opportunities on this sales cycle"),
            ReportParameter.optional("contactNo", ValueType.STRING, "only this contact's opportunities"),
            ReportParameter.optional("contactCompanyNo", ValueType.STRING,
                    "only opportunities of this company and its persons"),
            ReportParameter.builder("status", ValueType.STRING).description("only opportunities with this status")
                    .allowedValues(STATUSES).build(),
            ReportParameter.optional("closed", ValueType.BOOLEAN, "only closed (true) or open (false) ones"),
            ReportParameter.builder("priority", ValueType.STRING).description("only opportunities of this priority")
                    .allowedValues(PRIORITIES).build(),
            ReportParameter.optional("creationDateFrom", ValueType.DATE, "created on or after"),
            ReportParameter.optional("creationDateTo", ValueType.DATE, "created on or before"),
            ReportParameter.optional("estimatedCloseDateFrom", ValueType.DATE, "estimated to close on or after"),
            ReportParameter.optional("estimatedCloseDateTo", ValueType.DATE, "estimated to close on or before"));

    private ListFilters() {
    }

    /** The declared list filters followed by {@code more}. */
    static List<ReportParameter> with(ReportParameter... more) {
        List<ReportParameter> all = new ArrayList<>(PARAMETERS);
        all.addAll(List.of(more));
        return all;
    }

    /** The query of {@link #PARAMETERS}; a filter not given stays null, i.e. any. */
    static OpportunityQuery query(ReportArguments args) {
        return OpportunityQuery.all()
                .withSalespersonCode(args.text("salespersonCode"))
                .withSalesCycleCode(args.text("salesCycleCode"))
                .withContactNo(args.text("contactNo"))
                .withContactCompanyNo(args.text("contactCompanyNo"))
                .withStatus(args.enumValue("status", OpportunityStatus.class))
                .withClosed(args.bool("closed"))
                .withPriority(args.enumValue("priority", OpportunityPriority.class))
                .withCreationDates(args.date("creationDateFrom"), args.date("creationDateTo"))
                .withEstimatedCloseDates(args.date("estimatedCloseDateFrom"), args.date("estimatedCloseDateTo"));
    }

    private static List<String> names(Enum<?>[] values) {
        List<String> names = new ArrayList<>();
        for (Enum<?> value : values) {
            names.add(value.name());
        }
        return List.copyOf(names);
    }
}
