package org.opportune.api.report;

import java.util.List;
import java.util.Map;

import org.opportune.api.NotFoundException;
import org.opportune.api.ValidationException;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The reports registered right now, run with their parameters checked. Provided by the reporting
 * module; the REST API and the shell use it.
 */
@ProviderType
public interface ReportService {
    /** @return the reports registered now, by id */
    List<ReportInfo> reports();

    /** @return every report service registered now, by id: outranked and refused ones too, with why */
    List<ReportRegistrationInfo> registrations();

    /**
     * @param parameters by name, as text (from a URL or the shell); unknown names are refused
     * @throws NotFoundException   no report has that id now
     * @throws ValidationException a parameter is missing, unknown or not of its type (named)
     */
    ReportResult run(String id, Map<String, String> parameters);
}
