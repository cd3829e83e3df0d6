/**
 * Persistence support shared by the domain modules. Each module still owns its tables and its
 * persistence unit; this package only saves them writing the same plumbing.
 */
@Export
@Version("3.0.0")
package org.opportune.persistence;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
