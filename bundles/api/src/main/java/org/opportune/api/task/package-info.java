/**
 * Activities and tasks (DOMAIN §10): an activity's numbered steps become a salesperson's tasks when an
 * opportunity enters a stage that names the activity, in the move's transaction; tasks are also made by hand,
 * changed while open, and completed or canceled.
 */
@Export
@Version("1.0.0")
package org.opportune.api.task;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
