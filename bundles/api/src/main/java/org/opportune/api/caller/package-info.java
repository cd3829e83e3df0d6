/**
 * Who is calling: the {@link org.opportune.api.caller.Caller} (user name and roles) bound to the
 * current service call by the REST and shell front doors.
 */
@Export
@Version("2.1.0")
package org.opportune.api.caller;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
