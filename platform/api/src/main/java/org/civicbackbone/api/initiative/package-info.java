/**
 * Read and write models of initiatives, their governance bodies and memberships.
 */
@Export
@Version("1.10.0")
package org.civicbackbone.api.initiative;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
