package org.opportune.reporting.internal;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.opportune.api.NotFoundException;
import org.opportune.api.report.Report;
import org.opportune.api.report.ReportInfo;
import org.opportune.api.report.ReportRegistrationInfo;
import org.opportune.api.report.ReportResult;
import org.opportune.api.report.ReportService;
import org.opportune.api.whiteboard.RankedRegistry;
import org.opportune.api.whiteboard.RankedRegistry.Registration;
import org.osgi.framework.Bundle;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.slf4j.LoggerFactory;

/**
 * The report whiteboard: whatever {@link Report} services are registered now, run with checked
 * parameters. Which registration an id runs is the {@link RankedRegistry}'s decision: the
 * {@value Report#ID_PROPERTY} property is the id (compared ignoring case), a report without it or
 * whose {@code id()} differs is refused, and the highest {@code service.ranking} wins.
 */
@Component(immediate = true, service = ReportService.class, property = "opportune.module=reporting")
public class ReportServiceImpl implements ReportService {
    private final RankedRegistry<Report> registry;

    public ReportServiceImpl() {
        this(LoggerFactory.getLogger(ReportServiceImpl.class)::warn);
    }

    /** @param refusals told once about each refused report */
    ReportServiceImpl(Consumer<String> refusals) {
        this.registry = new RankedRegistry<>("report", Report.ID_PROPERTY, "id()", Report::id, refusals);
    }

    @Reference(service = Report.class, cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            updated = "updatedReport")
    void addReport(ServiceReference<Report> reference, Report report, Map<String, Object> properties) {
        Bundle bundle = reference.getBundle();
        addReport(report, properties, bundle == null ? null : bundle.getSymbolicName());
    }

    /** @param bundle the symbolic name of the bundle that registered the report, null when unknown */
    void addReport(Report report, Map<String, ?> properties, String bundle) {
        registry.add(report, properties, bundle);
    }

    /** Takes changed properties, e.g. a new ranking, keeping the registration's place. */
    void updatedReport(Report report, Map<String, Object> properties) {
        registry.update(report, properties);
    }

    void removeReport(Report report) {
        registry.remove(report);
    }

    @Override
    public List<ReportInfo> reports() {
        return registry.inUse().stream().map(registration -> {
            Report report = registration.service();
            return new ReportInfo(registration.name(), report.title(), report.description(), report.parameters(),
                    report.hasChart(), registration.bundle());
        }).toList();
    }

    @Override
    public List<ReportRegistrationInfo> registrations() {
        return registry.registrations().stream().map(ReportServiceImpl::listed).toList();
    }

    /** A refused third-party report must not break the listing that shows why it is refused. */
    private static ReportRegistrationInfo listed(Registration<Report> registration) {
        String title;
        boolean chart;
        try {
            title = registration.service().title();
            chart = registration.service().hasChart();
        } catch (RuntimeException e) {
            title = null;
            chart = false;
        }
        return new ReportRegistrationInfo(registration.name(), title, registration.bundle(), chart,
                registration.ranking(), registration.active(), registration.problem());
    }

    @Override
    public ReportResult run(String id, Map<String, String> parameters) {
        Report report = registry.find(id).orElseThrow(() -> new NotFoundException("report", id));
        return report.run(ParameterValues.typed(id, report.parameters(), parameters == null ? Map.of() : parameters));
    }
}
