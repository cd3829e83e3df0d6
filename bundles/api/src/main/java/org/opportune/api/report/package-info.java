/**
 * Reports as services: a {@link Report} names itself, declares its parameters and produces
 * columns, rows and totals; {@code GET /api/v1/reports} lists the ones registered now. A third
 * party adds a report by registering one; see {@link Report}.
 */
@Export
@Version("2.0.0")
package org.opportune.api.report;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
