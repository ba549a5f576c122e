/**
 * CSV exports that open safely in a spreadsheet.
 */
@Export
@Version("1.0.0")
package org.civicbackbone.api.csv;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
