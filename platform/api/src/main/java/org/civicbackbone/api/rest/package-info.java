/**
 * What a module's JAX-RS resources need to join the platform's REST API.
 */
@Export
@Version("1.5.0")
package org.civicbackbone.api.rest;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
