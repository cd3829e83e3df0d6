package org.opportune.rest.internal.resources;

import java.util.Map;
import java.util.TreeMap;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.ComponentConstants;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;

/**
 * Finds the modules in the framework: a domain bundle names its module in the
 * {@value #HEADER} manifest header and registers its service with the property
 * {@value #SERVICE_PROPERTY}. A module whose bundle is installed but whose service is not
 * registered (stopped, failed, waiting for the database) is down; a module not installed is not
 * reported, so an administrator who installs only some features still sees UP. The whiteboard waits for the
 * same modules before it answers anything but {@code /health} (see {@code StartupLatch}).
 * <p>
 * Registered is not yet running when the service is a delayed DS component: DS registers it first and creates
 * it when a consumer (our resources) first gets it, and a module's creation applies its schema migrations, which
 * takes seconds on a fresh database. Until that creation has finished the resources still hold no service, so
 * such a module counts as running only once DS reports it active — or while nobody has asked for it yet, since
 * then nothing waits for it.
 */
public final class InstalledModules implements ModuleStates {
    static final String HEADER = "Opportune-Module";
    static final String SERVICE_PROPERTY = "opportune.module";

    private final BundleContext context;
    private final ServiceComponentRuntime components;

    public InstalledModules(BundleContext context, ServiceComponentRuntime components) {
        this.context = context;
        this.components = components;
    }

    @Override
    public Map<String, Boolean> modules() {
        Map<String, Boolean> modules = new TreeMap<>();
        for (Bundle bundle : context.getBundles()) {
            String module = bundle.getHeaders("").get(HEADER);
            if (module != null && !module.isBlank() && bundle.getState() != Bundle.UNINSTALLED) {
                modules.merge(module.trim(), running(module.trim()), Boolean::logicalAnd);
            }
        }
        return modules;
    }

    private boolean running(String module) {
        ServiceReference<?>[] services;
        try {
            services = context.getServiceReferences((String) null, "(" + SERVICE_PROPERTY + "=" + module + ")");
        } catch (InvalidSyntaxException e) {
            return false; // a module name no filter can hold cannot be running
        }
        if (services == null) {
            return false;
        }
        for (ServiceReference<?> service : services) {
            if (created(service)) {
                return true;
            }
        }
        return false;
    }

    private boolean created(ServiceReference<?> service) {
        if (!(service.getProperty(ComponentConstants.COMPONENT_NAME) instanceof String name)
                || !(service.getProperty(ComponentConstants.COMPONENT_ID) instanceof Long id)) {
            return true; // not a DS component: registered by its bundle once ready
        }
        Bundle bundle = service.getBundle();
        ComponentDescriptionDTO description = bundle == null ? null
                : components.getComponentDescriptionDTO(bundle, name);
        if (description == null) {
            return false; // unregistered meanwhile
        }
        Integer state = components.getComponentConfigurationDTOs(description).stream()
                .filter(configuration -> configuration.id == id).map(configuration -> configuration.state)
                .findFirst().orElse(null);
        return isRunning(state, service.getUsingBundles() != null);
    }

    /**
     * @param state the DS state of the component configuration behind the service, null when gone
     * @param used  whether some bundle has got the service (or is getting it right now)
     */
    static boolean isRunning(Integer state, boolean used) {
        if (state == null) {
            return false;
        }
        return state == ComponentConfigurationDTO.ACTIVE || state == ComponentConfigurationDTO.SATISFIED && !used;
    }
}
