package org.civicbackbone.api.login;

import jakarta.validation.constraints.NotNull;

/**
 * Whether a login is to hold the platform admin role.
 *
 * @param platformAdmin true to give the role, false to take it
 */
public record PlatformAdminSpec(@NotNull Boolean platformAdmin) {
}
