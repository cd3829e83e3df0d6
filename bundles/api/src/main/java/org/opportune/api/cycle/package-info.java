/** Sales-cycle setup: sales cycles, their stages, and the codes opportunities are closed with. */
@Export
@Version("2.1.0")
package org.opportune.api.cycle;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
