/**
 * What the shared measurement function offers other modules: the initiative's indicators, for linking goals,
 * questions or activities to them. Use it as an optional service: the measurement module may not be installed.
 */
@Export
@Version("1.0.0")
package org.civicbackbone.api.measurement;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
