package org.opportune.rest.internal.resources;

import static org.osgi.service.component.runtime.dto.ComponentConfigurationDTO.ACTIVE;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;

/**
 * Finds the modules in the framework: a domain bundle names its module in the {@value #HEADER} manifest header,
 * and its module's services are DS components with the property {@value #SERVICE_PROPERTY}. A module runs when
 * every one of those components is active. One that is not (its bundle stopped, a reference missing, disabled,
 * failed, or still being created) is down. A module's components are immediate, and their creation applies the
 * module's schema migrations (seconds on a fresh database), so a module is reported running only once its
 * migrations are done; its state goes from down to up once during a boot, never back. A module not installed is
 * not reported, so an administrator who installs only some features still sees UP. The whiteboard waits for the
 * same modules before it answers anything but {@code /health} (see {@code StartupLatch}).
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
                modules.merge(module.trim(), running(bundle, module.trim()), Boolean::logicalAnd);
            }
        }
        return modules;
    }

    private boolean running(Bundle bundle, String module) {
        List<ComponentDescriptionDTO> services = components.getComponentDescriptionDTOs(bundle).stream()
                .filter(description -> module.equals(description.properties.get(SERVICE_PROPERTY))).toList();
        return !services.isEmpty() && services.stream().allMatch(this::active);
    }

    private boolean active(ComponentDescriptionDTO description) {
        Collection<ComponentConfigurationDTO> configurations = components.getComponentConfigurationDTOs(description);
        return components.isComponentEnabled(description) && !configurations.isEmpty()
                && configurations.stream().allMatch(configuration -> configuration.state == ACTIVE);
    }
}
