/**
 * Opportunities (DOMAIN §2–§5): the opportunity, its entry history, the moves through its sales
 * cycle, closing and the sales quote link, and the events posted when an opportunity changes.
 */
@Export
@Version("2.1.0")
package org.opportune.api.opportunity;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
