/**
 * The embedded database as modules use it: transactions and per-module schema migrations.
 */
@Export
@Version("1.0.0")
package org.civicbackbone.api.store;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
