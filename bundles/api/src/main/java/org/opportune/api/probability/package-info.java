/**
 * The probability model extension point (DOMAIN §4.3, §6): services that compute an opportunity's
 * probability % from its completed % and chances of success %. Third parties implement
 * {@link org.opportune.api.probability.ProbabilityModel}; a sales cycle names the model it uses.
 */
@Export
@Version("2.0.0")
package org.opportune.api.probability;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
