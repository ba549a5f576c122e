package org.civicbackbone.measurement.internal;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;

/** What an import tells of its progress: rows checked and stored as the file is read, then the rows to store. */
interface ImportProgress {

    /** Hears nothing. */
    ImportProgress NONE = new ImportProgress() {
    };

    /** The file to import, read once. */
    @FunctionalInterface
    interface Source {

        /** A new reader from the start of the file. */
        Reader read() throws IOException;

        /** {@link #read}, failing unchecked. */
        default Reader open() {
            try {
                return read();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** Rows read and checked so far. */
    default void checked(int rows) {
    }

    /** The file has this many faults: nothing is stored. */
    default void refused(int faults) {
    }

    /** Every row passed its check; the last of these rows and the roll-ups are now written, then committed. */
    default void storing(int rows) {
    }

    /** Rows written so far, in the import's transaction. */
    default void stored(int rows) {
    }

    /** The import's transaction is about to commit: throw to roll it back (the job is no longer this node's). */
    default void committing(java.sql.Connection c) {
    }
}
