/**
 * What a module contributes: backbone functions and structure models, and the catalogue of installed modules.
 */
@Export
@Version("1.8.0")
package org.civicbackbone.api.module;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
