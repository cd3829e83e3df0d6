package org.opportune.itests.extrareport;

import java.util.Dictionary;
import java.util.Hashtable;

import org.opportune.api.report.Report;
import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;

/** Registers {@link DaysToQuarterEndReport} while its bundle runs (packed into a bundle of its own by ReportsIT). */
public class DaysToQuarterEndActivator implements BundleActivator {

    @Override
    public void start(BundleContext context) {
        Dictionary<String, Object> properties = new Hashtable<>();
        properties.put(Report.ID_PROPERTY, DaysToQuarterEndReport.ID);
        context.registerService(Report.class, new DaysToQuarterEndReport(), properties);
    }

    @Override
    public void stop(BundleContext context) {
        // the framework unregisters the bundle's services
    }
}
