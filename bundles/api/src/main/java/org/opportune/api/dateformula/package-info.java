/**
 * Date formulas (DOMAIN §7): the short texts like {@code 5D} or {@code 1M+CM} that move a date,
 * used by sales cycle stages and any module that computes due dates.
 */
@Export
@Version("2.0.0")
package org.opportune.api.dateformula;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
