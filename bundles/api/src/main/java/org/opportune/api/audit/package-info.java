/**
 * The audit log: an append-only record of who deleted or changed which master record (and deleted which
 * opportunity), when, with a summary of the change. Read by {@code opportune-admin}.
 */
@Export
@Version("1.0.0")
package org.opportune.api.audit;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
