/**
 * The NAV statistics of DOMAIN §8 and the aggregations reports are built from, computed by the
 * database from the opportunities module's tables (never by loading rows into Java). The
 * opportunities module provides {@link OpportunityStatisticsService}.
 */
@Export
@Version("2.1.0")
package org.opportune.api.statistics;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
