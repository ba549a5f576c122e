package org.civicbackbone.api.audit;

import java.time.Instant;

/**
 * Which audit entries to read, newest first: every filter is optional (null). {@code before} is the cursor: only
 * entries with a smaller id, so a reader pages back through the log with the id of the last entry it got.
 *
 * @param initiativeId one initiative, or all
 * @param actor who wrote
 * @param action what kind of write ({@code proposal.vote}, {@code value.report}, ...)
 * @param module which module wrote ({@code core}, {@code shared-measurement}, ...)
 * @param from entries at or after this time
 * @param to entries before this time
 * @param before entries with an id below this cursor
 * @param limit at most this many entries
 */
public record AuditQuery(String initiativeId, String actor, String action, String module, Instant from, Instant to,
                         Long before, int limit) {
}
