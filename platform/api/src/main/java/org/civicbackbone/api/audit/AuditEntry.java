package org.civicbackbone.api.audit;

import java.time.Instant;

/**
 * One write, as recorded.
 *
 * @param id           sequence number
 * @param at           when
 * @param actor        the authenticated user who made it
 * @param initiativeId the initiative concerned, or null for platform-wide writes
 * @param module       the module that made the write ({@code core}, {@code function-shared-measurement})
 * @param action       what was done ({@code indicator.create})
 * @param detail       a short description of the change
 */
public record AuditEntry(long id, Instant at, String actor, String initiativeId, String module, String action,
                         String detail) {
}
