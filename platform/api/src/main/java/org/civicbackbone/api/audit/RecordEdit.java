package org.civicbackbone.api.audit;

import java.util.Objects;

/**
 * One edit of a record as a module's rule states it for {@link RecordEdits}: what the record is in the audit log
 * ({@code "working group 7"}), what the edit changes in it, and the write that makes the change, run only when
 * something changed.
 *
 * @param subject the record as the audit log names it, before the changes
 * @param changes what the edit changes, compared with the record as read in the module's turn
 * @param write   the checks that guard the write and the write itself, in the same transaction; run only when
 *                {@code changes} is not {@link Changes#none()}
 * @since 1.3
 */
public record RecordEdit(String subject, Changes changes, Runnable write) {

    /** Refuses a missing part: each is needed to say or make the edit. */
    public RecordEdit {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(changes, "changes");
        Objects.requireNonNull(write, "write");
    }
}
