/**
 * The logins people sign in with: listed, created, given a new password, made or unmade platform admins and removed
 * by platform admins, and created or reset for a person on an initiative's record by that initiative's staff.
 */
@Export
@Version("1.2.0")
package org.civicbackbone.api.login;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
