package org.opportune.itests.valuelimit;

import java.util.Dictionary;
import java.util.Hashtable;

import org.opportune.api.rule.TransitionRule;
import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;

/** Registers {@link ValueLimitRule} while its bundle runs (packed into a bundle of its own by OpportunitiesIT). */
public class ValueLimitActivator implements BundleActivator {

    @Override
    public void start(BundleContext context) {
        Dictionary<String, Object> properties = new Hashtable<>();
        properties.put(TransitionRule.NAME_PROPERTY, ValueLimitRule.NAME);
        properties.put(TransitionRule.DESCRIPTION_PROPERTY, "estimated values above one million go to the deal desk");
        context.registerService(TransitionRule.class, new ValueLimitRule(), properties);
    }

    @Override
    public void stop(BundleContext context) {
        // the framework unregisters the bundle's services
    }
}
