package org.opportune.itests.halfmodel;

import java.util.Dictionary;
import java.util.Hashtable;

import org.opportune.api.probability.ProbabilityModel;
import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;

/**
 * Registers {@link HalfProbabilityModel} while its bundle runs. These two classes are packed into a bundle of their
 * own by {@code SalesCyclesIT} (TinyBundles), which installs and uninstalls it at runtime.
 */
public class HalfModelActivator implements BundleActivator {

    @Override
    public void start(BundleContext context) {
        Dictionary<String, Object> properties = new Hashtable<>();
        properties.put(ProbabilityModel.NAME_PROPERTY, HalfProbabilityModel.NAME);
        context.registerService(ProbabilityModel.class, new HalfProbabilityModel(), properties);
    }

    @Override
    public void stop(BundleContext context) {
        // the framework unregisters the bundle's services
    }
}
