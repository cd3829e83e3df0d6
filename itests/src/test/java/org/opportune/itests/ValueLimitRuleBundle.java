package org.opportune.itests;

import java.nio.file.Path;

import org.opportune.itests.valuelimit.ValueLimitActivator;
import org.opportune.itests.valuelimit.ValueLimitRule;

/** The third-party bundle that brings the {@code value-limit} transition rule (see {@link ExtensionBundle}). */
final class ValueLimitRuleBundle {
    static final String SYMBOLIC_NAME = "org.opportune.itests.valuelimit";

    private ValueLimitRuleBundle() {
    }

    static Path writeTo(Path jar) {
        return ExtensionBundle.write(jar, SYMBOLIC_NAME, "org.opportune.api.rule;version=\"[2.0,3)\","
                + "org.osgi.framework;version=\"[1.8,2)\"", ValueLimitActivator.class, ValueLimitRule.class);
    }
}
