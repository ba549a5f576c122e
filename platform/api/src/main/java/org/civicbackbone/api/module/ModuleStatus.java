package org.civicbackbone.api.module;

import java.time.Instant;
import java.util.List;

/**
 * A module the platform knows from its features repositories, and where it stands.
 *
 * @param id         the feature name without {@code backbone-} ({@code function-policy})
 * @param kind       {@code function} or {@code structure}
 * @param name       a human name
 * @param version    the feature's version
 * @param installed  whether its feature is installed
 * @param state      {@code active}, {@code installed} (feature in, service not up yet), {@code available},
 *                   {@code installing}, {@code uninstalling} or {@code failed}
 * @param usedBy     the initiatives that enable this function or are governed by this model
 * @param message    what happened last (progress, or the error of a failed operation)
 * @param changedAt  when the last operation started or ended, or null
 */
public record ModuleStatus(String id, String kind, String name, String version, boolean installed, String state,
                           List<String> usedBy, String message, Instant changedAt) {
    public ModuleStatus {
        usedBy = List.copyOf(usedBy);
    }
}
