package org.opportune.rest.internal.resources;

import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.osgi.service.component.runtime.dto.ComponentConfigurationDTO.ACTIVE;
import static org.osgi.service.component.runtime.dto.ComponentConfigurationDTO.SATISFIED;
import static org.osgi.service.component.runtime.dto.ComponentConfigurationDTO.UNSATISFIED_REFERENCE;

import org.junit.Test;

public class InstalledModulesTest {

    @Test
    public void aModuleBeingCreatedForAResourceIsNotRunningYet() {
        assertFalse("registered, a resource is getting it: its migrations still run",
                InstalledModules.isRunning(SATISFIED, true));
        assertTrue("created", InstalledModules.isRunning(ACTIVE, true));
    }

    @Test
    public void aDelayedModuleNobodyAskedForIsRunning() {
        assertTrue(InstalledModules.isRunning(SATISFIED, false));
    }

    @Test
    public void aModuleWithoutItsReferencesOrGoneIsNotRunning() {
        assertFalse(InstalledModules.isRunning(UNSATISFIED_REFERENCE, false));
        assertFalse(InstalledModules.isRunning(null, false));
    }
}
