package org.civicbackbone.measurement.internal;

import java.time.Instant;
import java.util.List;
import org.civicbackbone.api.problem.Violation;

/**
 * A CSV import running in the background: how far it got (bytes of the upload read, rows read, checked, stored) and
 * how it ended. All or nothing: a job that is refused or fails stored nothing.
 *
 * @param bytes      the upload's size
 * @param bytesRead  how much of the upload the job has read: its progress
 * @param faults     how many faults the file has; {@code violations} lists the first of them by row and column
 * @param violations the faults listed (on one job's page; empty in lists)
 */
public record ImportJob(long id, String initiativeId, State state, long bytes, long bytesRead, int rowsRead, int rowsChecked,
                        int rowsStored, int faults, List<Violation> violations, String message, String createdBy,
                        Instant createdAt, Instant finishedAt) {

    public ImportJob {
        violations = violations == null ? List.of() : List.copyOf(violations);
    }

    /** Where a job is. */
    public enum State {
        /** Keeping the upload; the request that sent it has not been answered yet. */
        RECEIVING,
        /** Waiting for the import before it. */
        QUEUED,
        /** Reading the file once, checking every row and writing each checked row in the import's transaction. */
        CHECKING,
        /** Every row checked and none had a fault: writing the last rows and the roll-ups, then committing. */
        STORING,
        /** Every row stored. */
        DONE,
        /** The file has faults, or names a partner the uploader may not report for: nothing stored. */
        REFUSED,
        /** Stopped by an error or a restart: nothing stored. */
        FAILED;

        /** Whether the job has ended. */
        public boolean ended() {
            return this == DONE || this == REFUSED || this == FAILED;
        }
    }
}
