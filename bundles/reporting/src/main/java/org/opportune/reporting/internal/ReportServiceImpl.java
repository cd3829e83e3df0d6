package org.opportune.reporting.internal;

import java.util.List;
import java.util.Map;

import org.opportune.api.NotFoundException;
import org.opportune.api.report.Report;
import org.opportune.api.report.ReportInfo;
import org.opportune.api.report.ReportResult;
import org.opportune.api.report.ReportService;
import org.osgi.framework.Bundle;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

/** The report whiteboard: whatever {@link Report} services are registered now, run with checked parameters. */
@Component(service = ReportService.class, property = "opportune.module=reporting")
public class ReportServiceImpl implements ReportService {
    private final ReportRegistry registry;

    public ReportServiceImpl() {
        this(new ReportRegistry());
    }

    ReportServiceImpl(ReportRegistry registry) {
        this.registry = registry;
    }

    @Reference(service = Report.class, cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addReport(ServiceReference<Report> reference, Report report, Map<String, Object> properties) {
        Bundle bundle = reference.getBundle();
        registry.add(report, properties, bundle == null ? null : bundle.getSymbolicName());
    }

    void removeReport(Report report) {
        registry.remove(report);
    }

    @Override
    public List<ReportInfo> reports() {
        return registry.inUse().stream().map(registration -> {
            Report report = registration.report();
            return new ReportInfo(registration.id(), report.title(), report.description(), report.parameters(),
                    report.hasChart(), registration.bundle());
        }).toList();
    }

    @Override
    public ReportResult run(String id, Map<String, String> parameters) {
        Report report = registry.find(id).orElseThrow(() -> new NotFoundException("report", id)).report();
        return report.run(ParameterValues.typed(id, report.parameters(), parameters == null ? Map.of() : parameters));
    }
}
