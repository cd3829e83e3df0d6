/** Salespeople: the people opportunities and contacts are assigned to. */
@Export
@Version("2.0.0")
package org.opportune.api.salesperson;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
