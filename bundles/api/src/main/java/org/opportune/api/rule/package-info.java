/**
 * The transition rule extension point (DOMAIN §5–§6): guards evaluated before an opportunity moves
 * to another stage. Third parties implement {@link org.opportune.api.rule.TransitionRule}.
 */
@Export
@Version("2.0.0")
package org.opportune.api.rule;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
