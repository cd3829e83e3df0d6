/** Contacts: companies and the persons who work for them. */
@Export
@Version("2.0.0")
package org.opportune.api.contact;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
