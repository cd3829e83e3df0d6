package org.opportune.rest.internal.resources;

import static org.junit.Assert.assertEquals;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;
import static org.osgi.service.component.runtime.dto.ComponentConfigurationDTO.ACTIVE;
import static org.osgi.service.component.runtime.dto.ComponentConfigurationDTO.FAILED_ACTIVATION;
import static org.osgi.service.component.runtime.dto.ComponentConfigurationDTO.SATISFIED;
import static org.osgi.service.component.runtime.dto.ComponentConfigurationDTO.UNSATISFIED_REFERENCE;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;

import org.junit.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;

/** A module runs once every one of its components is active: created, its migrations applied. */
public class InstalledModulesTest {
    private final BundleContext context = mock(BundleContext.class);
    private final ServiceComponentRuntime components = mock(ServiceComponentRuntime.class);
    private final List<Bundle> bundles = new ArrayList<>();
    private final InstalledModules installed = new InstalledModules(context, components);

    @Test
    public void aModuleWhoseComponentIsStillBeingCreatedIsDownUntilItIsActive() {
        ComponentDescriptionDTO service = component(bundle("salespeople"), "salespeople", SATISFIED);

        assertEquals("its migrations still run", Map.of("salespeople", false), modules());

        configurations(service, ACTIVE);
        assertEquals(Map.of("salespeople", true), modules());
    }

    @Test
    public void everyComponentOfAModuleMustBeActive() {
        Bundle opportunities = bundle("opportunities");
        component(opportunities, "opportunities", ACTIVE);
        ComponentDescriptionDTO statistics = component(opportunities, "opportunities", SATISFIED);
        component(opportunities, null, UNSATISFIED_REFERENCE); // not one of the module's services

        assertEquals(Map.of("opportunities", false), modules());

        configurations(statistics, ACTIVE);
        assertEquals(Map.of("opportunities", true), modules());
    }

    @Test
    public void aModuleWithoutItsReferencesFailedDisabledOrStoppedIsDown() {
        component(bundle("contacts"), "contacts", UNSATISFIED_REFERENCE);
        component(bundle("cycles"), "cycles", FAILED_ACTIVATION);
        ComponentDescriptionDTO disabled = component(bundle("reporting"), "reporting", ACTIVE);
        when(components.isComponentEnabled(disabled)).thenReturn(false);
        component(bundle("tasks"), "tasks");
        bundle("salespeople"); // stopped: DS has no components of it

        assertEquals(Map.of("contacts", false, "cycles", false, "reporting", false, "tasks", false,
                "salespeople", false), modules());
    }

    @Test
    public void bundlesWithoutTheHeaderAreNotModulesAndBundlesOfOneModuleMustAllRun() {
        component(bundle(null), "contacts", SATISFIED);
        component(bundle(" "), "contacts", SATISFIED);
        component(bundle("contacts"), "contacts", ACTIVE);
        Bundle second = bundle("contacts");
        ComponentDescriptionDTO secondService = component(second, "contacts", SATISFIED);

        assertEquals(Map.of("contacts", false), modules());

        configurations(secondService, ACTIVE);
        assertEquals(Map.of("contacts", true), modules());
        when(second.getState()).thenReturn(Bundle.UNINSTALLED);
        configurations(secondService, SATISFIED);
        assertEquals("an uninstalled bundle is no longer counted", Map.of("contacts", true), modules());
    }

    private Map<String, Boolean> modules() {
        when(context.getBundles()).thenReturn(bundles.toArray(Bundle[]::new));
        return installed.modules();
    }

    private Bundle bundle(String module) {
        Bundle bundle = mock(Bundle.class);
        Hashtable<String, String> headers = new Hashtable<>();
        if (module != null) {
            headers.put(InstalledModules.HEADER, module);
        }
        when(bundle.getHeaders("")).thenReturn(headers);
        when(bundle.getState()).thenReturn(Bundle.ACTIVE);
        when(components.getComponentDescriptionDTOs(bundle)).thenReturn(new ArrayList<>());
        bundles.add(bundle);
        return bundle;
    }

    /** A component of the bundle, with the module's property unless module is null, in these states. */
    private ComponentDescriptionDTO component(Bundle bundle, String module, int... states) {
        ComponentDescriptionDTO description = new ComponentDescriptionDTO();
        description.properties = module == null ? Map.of() : Map.of(InstalledModules.SERVICE_PROPERTY, module);
        components.getComponentDescriptionDTOs(bundle).add(description);
        when(components.isComponentEnabled(description)).thenReturn(true);
        configurations(description, states);
        return description;
    }

    private void configurations(ComponentDescriptionDTO description, int... states) {
        when(components.getComponentConfigurationDTOs(description)).thenReturn(Arrays.stream(states).mapToObj(state -> {
            ComponentConfigurationDTO configuration = new ComponentConfigurationDTO();
            configuration.state = state;
            return configuration;
        }).toList());
    }
}
