package org.opportune.rest.internal.resources;

import java.util.Map;
import java.util.TreeMap;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;

/**
 * Finds the modules in the framework: a domain bundle names its module in the
 * {@value #HEADER} manifest header and registers its service with the property
 * {@value #SERVICE_PROPERTY}. A module whose bundle is installed but whose service is not
 * registered (stopped, failed, waiting for the database) is down; a module not installed is not
 * reported, so an administrator who installs only some features still sees UP. The whiteboard waits for the
 * same modules before it answers anything but {@code /health} (see {@code StartupLatch}).
 */
public final class InstalledModules implements ModuleStates {
    static final String HEADER = "Opportune-Module";
    static final String SERVICE_PROPERTY = "opportune.module";

    private final BundleContext context;

    public InstalledModules(BundleContext context) {
        this.context = context;
    }

    @Override
    public Map<String, Boolean> modules() {
        Map<String, Boolean> modules = new TreeMap<>();
        for (Bundle bundle : context.getBundles()) {
            String module = bundle.getHeaders("").get(HEADER);
            if (module != null && !module.isBlank() && bundle.getState() != Bundle.UNINSTALLED) {
                modules.merge(module.trim(), registered(module.trim()), Boolean::logicalAnd);
            }
        }
        return modules;
    }

    private boolean registered(String module) {
        try {
            ServiceReference<?>[] services = context.getServiceReferences((String) null,
                    "(" + SERVICE_PROPERTY + "=" + module + ")");
            return services != null && services.length > 0;
        } catch (InvalidSyntaxException e) {
            return false; // a module name no filter can hold cannot be running
        }
    }
}
