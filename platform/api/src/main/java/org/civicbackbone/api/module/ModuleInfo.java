package org.civicbackbone.api.module;

/**
 * A module as the platform sees it right now.
 *
 * @param id      the module id: the feature name without {@code backbone-} ({@code function-shared-measurement})
 * @param kind    {@code function} or {@code structure}
 * @param name    a human name
 * @param version the providing bundle's version
 * @param state   {@code active} while its service is registered
 */
public record ModuleInfo(String id, String kind, String name, String version, String state) {
}
