/**
 * The append-only audit log of every write: who, when, what.
 */
@Export
@Version("1.1.0")
package org.civicbackbone.api.audit;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
