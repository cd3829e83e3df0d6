package org.opportune.rest.internal.dto;

import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

import org.opportune.api.report.ReportInfo;
import org.opportune.api.report.ReportParameter;
import org.opportune.api.report.ValueType;

/** A report as {@code GET /reports} lists it: what it is, the parameters it takes, the bundle that brings it. */
@Schema(name = "ReportInfo")
public record ReportInfoDto(String id, String title, String description, List<Parameter> parameters, boolean chart,
        String bundle) {

    public static ReportInfoDto of(ReportInfo info) {
        return new ReportInfoDto(info.id(), info.title(), info.description(),
                info.parameters().stream().map(Parameter::of).toList(), info.chart(), info.bundle());
    }

    /**
     * A parameter of a report, given as a query parameter of its run.
     *
     * @param allowedValues when not empty, the only values accepted
     * @param min           for an INTEGER, the smallest value accepted; null for no bound
     */
    @Schema(name = "ReportParameter")
    public record Parameter(String name, ValueType type, boolean required, String description,
            List<String> allowedValues, String defaultValue, Long min, Long max) {

        static Parameter of(ReportParameter parameter) {
            return new Parameter(parameter.name(), parameter.type(), parameter.required(), parameter.description(),
                    parameter.allowedValues(), parameter.defaultValue(), parameter.min(), parameter.max());
        }
    }
}
