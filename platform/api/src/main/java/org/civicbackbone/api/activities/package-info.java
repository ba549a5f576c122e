/**
 * What the aligned activities function offers other modules: the initiative's activities and who runs them, for
 * allocating money to an activity (its owner is the beneficiary). Use it as an optional service: the module may not
 * be installed.
 */
@Export
@Version("1.1.0")
package org.civicbackbone.api.activities;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
