package org.opportune.rest.internal.resources;

import java.util.Map;

/** The Opportune modules installed now, each with whether its service is registered. */
@FunctionalInterface
public interface ModuleStates {
    /** @return module name → true when running, in a stable order */
    Map<String, Boolean> modules();
}
