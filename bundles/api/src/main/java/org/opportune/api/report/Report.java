package org.opportune.api.report;

import java.util.List;
import java.util.Map;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A report: registered as an OSGi service with the property {@value #ID_PROPERTY} = {@link #id()},
 * it is listed by {@code GET /api/v1/reports} and run by {@code GET /api/v1/reports/{id}} from the
 * moment it is registered until it goes away. The property is the id: a service without it, or
 * whose {@code id()} differs from it, is refused (logged, and listed with the problem by
 * {@code /api/v1/extensions}). When two services carry the same id (compared ignoring case), the
 * one with the higher {@code service.ranking} is used (so a report can be replaced).
 * <p>
 * Parameters arrive already checked and typed against {@link #parameters()} (required ones present,
 * values parsed to their {@link ValueType}, defaults filled in); a report refuses other bad
 * combinations with {@link org.opportune.api.ValidationException} naming the parameter. A report
 * should let the database aggregate — see {@link org.opportune.api.statistics.OpportunityStatisticsService}.
 */
@ConsumerType
public interface Report {
    /** Service property: the report's id. */
    String ID_PROPERTY = "opportune.report.id";

    /** @return the id used in the URL, lower-case words joined by {@code -}, e.g. {@code win-loss} */
    String id();

    String title();

    /** @return one or two sentences for people choosing a report */
    String description();

    List<ReportParameter> parameters();

    /** @return whether the result names a {@link ChartSpec}, i.e. the report can be drawn as a picture */
    default boolean hasChart() {
        return false;
    }

    /**
     * @param parameters by name, typed as declared; absent optional parameters are missing from the map
     */
    ReportResult run(Map<String, Object> parameters);
}
