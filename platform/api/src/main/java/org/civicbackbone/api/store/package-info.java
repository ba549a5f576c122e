/**
 * The database as modules use it: transactions, per-module schema migrations, and mappers that map rows by name;
 * and its backups, for platform admins (1.8).
 */
@Export
@Version("1.11.0")
package org.civicbackbone.api.store;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
