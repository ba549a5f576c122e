/**
 * The append-only audit log of every write: who, when, what; {@link org.civicbackbone.api.audit.Changes} puts what an
 * edit changed in words (1.2); {@link org.civicbackbone.api.audit.RecordEdits} makes an edit of a module's record the
 * one way every module makes it (1.3).
 */
@Export
@Version("1.3.0")
package org.civicbackbone.api.audit;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
