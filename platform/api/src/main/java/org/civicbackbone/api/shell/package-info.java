/**
 * The kit of a module's Karaf shell commands: {@link org.civicbackbone.api.shell.RecordTable} prints records as a
 * table, {@link org.civicbackbone.api.shell.InitiativeTable} those of one initiative named by the command's argument,
 * {@link org.civicbackbone.api.shell.CommandRefused} tells a refusal so that scripts see it (1.1).
 */
@Export
@Version("1.1.0")
package org.civicbackbone.api.shell;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
