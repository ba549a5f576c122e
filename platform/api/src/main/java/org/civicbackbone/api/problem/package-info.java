/**
 * Errors as RFC 9457 problem details: what every module throws to say a request cannot be served.
 */
@Export
@Version("1.4.0")
package org.civicbackbone.api.problem;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
