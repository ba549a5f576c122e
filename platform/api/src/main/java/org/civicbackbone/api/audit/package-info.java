/**
 * The append-only audit log of every write: who, when, what; {@link org.civicbackbone.api.audit.Changes} puts what an
 * edit changed in words (1.2).
 */
@Export
@Version("1.2.0")
package org.civicbackbone.api.audit;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
