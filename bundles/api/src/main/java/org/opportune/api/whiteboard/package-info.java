/**
 * What the modules' whiteboards (probability models, transition rules, reports) share: which of the
 * services registered right now is used for a name, and why one is refused. Extension authors need
 * nothing from here; it is exported so that every module decides the same way.
 */
@Export
@Version("2.0.0")
package org.opportune.api.whiteboard;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
