package org.civicbackbone.api.store;

/**
 * One versioned step of a module's schema. A module lists its migrations in order; the store applies those
 * not yet applied, each in its own transaction, and records them. Never edit a released migration: add one.
 *
 * @param version     1, 2, 3 ... per module
 * @param description what the step does
 * @param sql         one or more SQL statements separated by semicolons at line ends
 */
public record SchemaMigration(int version, String description, String sql) {
}
