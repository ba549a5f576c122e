/**
 * Proposals and votes under an initiative's accountability rules (implemented by the governance engine).
 */
@Export
@Version("1.4.0")
package org.civicbackbone.api.decision;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
