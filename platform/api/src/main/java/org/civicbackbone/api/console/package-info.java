/**
 * The web console's extension point: a module names the pages it adds to the console at {@code /console/} and serves
 * their scripts from its own bundle, so its pages come and go with the module; and what it puts on each person's
 * "My work" page ({@link org.civicbackbone.api.console.WorkItems}, since 1.1; read for
 * several initiatives at once since 1.2, and by a module that reads them all at once, {@link
 * org.civicbackbone.api.console.WorkItemsReadTogether}, since 1.3).
 */
@Export
@Version("1.4.0")
package org.civicbackbone.api.console;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
