/**
 * What the vision and strategy function offers other modules: the goals of an initiative's adopted common agenda,
 * for linking activities, positions or resources to them. Use it as an optional service: the module may be absent.
 */
@Export
@Version("1.0.0")
package org.civicbackbone.api.agenda;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
