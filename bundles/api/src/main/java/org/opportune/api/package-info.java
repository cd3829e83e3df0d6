/**
 * What every Opportune module shares: paging, how codes are spelt ({@link org.opportune.api.Codes}),
 * the domain exceptions the front doors translate into HTTP statuses, and the usage-check
 * whiteboard that guards deletes across modules.
 */
@Export
@Version("2.1.0")
package org.opportune.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
