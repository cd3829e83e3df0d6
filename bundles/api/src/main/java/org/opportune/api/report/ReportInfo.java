package org.opportune.api.report;

import java.util.List;

/** A report as listed: what it is, what it takes, and which bundle brought it. */
public record ReportInfo(String id, String title, String description, List<ReportParameter> parameters,
        boolean chart, String bundle) {
}
