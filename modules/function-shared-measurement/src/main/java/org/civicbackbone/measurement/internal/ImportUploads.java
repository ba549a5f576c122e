package org.civicbackbone.measurement.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.LongConsumer;
import org.civicbackbone.api.store.BackboneStore;

/**
 * What an accepted import job needs to run again after a crash or a stop: its upload, kept in the database in chunks
 * of 64 KiB, and the organisations its uploader may report for. The chunks are written a megabyte a transaction
 * (one transaction of 50 MB would be held whole in H2's heap), while the job is RECEIVING; the scope in the transaction
 * that makes it QUEUED, before the {@code 202}: from then on the job will run to its end, on this start or the next
 * one (on any node sharing the database). The transaction that ends the job deletes them. Running again is safe because an import is all or nothing:
 * an interrupted one stored nothing.
 */
final class ImportUploads {

    /** 64 KiB: H2 keeps values in its pages, and a page of megabyte values is rewritten whole when one goes. */
    static final int CHUNK = 1 << 16;
    private static final int CHUNKS_A_TRANSACTION = 16;

    private final BackboneStore store;

    ImportUploads(BackboneStore store) {
        this.store = store;
    }

    /** Keeps a RECEIVING job's upload, then its scope, and makes it QUEUED. */
    void keep(long jobId, ValueUpload upload, ReportingScope scope) {
        try (InputStream in = upload.open()) {
            int position = 0;
            List<byte[]> chunks = new ArrayList<>();
            do { // a megabyte a transaction: neither one transaction of the whole upload nor one per chunk
                chunks.clear();
                for (byte[] chunk = in.readNBytes(CHUNK); chunk.length > 0; chunk = in.readNBytes(CHUNK)) {
                    chunks.add(chunk);
                    if (chunks.size() == CHUNKS_A_TRANSACTION) {
                        break;
                    }
                }
                int first = position;
                store.inTransaction(c -> {
                    for (int i = 0; i < chunks.size(); i++) {
                        records(c).insertChunk(jobId, first + i, chunks.get(i));
                    }
                    return null;
                });
                position += chunks.size();
            } while (chunks.size() == CHUNKS_A_TRANSACTION);
        } catch (IOException e) {
            throw new UncheckedIOException("The upload could not be read back to keep it: " + e.getMessage(), e);
        }
        store.inTransaction(c -> {
            ImportRecords records = records(c);
            if (scope.ids() != null) {
                scope.ids().forEach(id -> records.insertScope(jobId, id, null));
                scope.organisations().forEach(name -> records.insertScope(jobId, null, name));
            }
            return records.accepted(jobId);
        });
    }

    private ImportRecords records(Connection connection) {
        return store.mapper(connection, ImportRecords.class);
    }

    /** The scope a job was accepted with. */
    ReportingScope scope(Connection connection, ImportRecords.Unfinished job) {
        if (job.anyPartner()) {
            return ReportingScope.ANY;
        }
        List<ImportRecords.ScopeRow> rows = store.mapper(connection, ImportRecords.class).scope(job.id());
        Set<Long> ids = new HashSet<>();
        Set<String> names = new HashSet<>();
        rows.stream().map(ImportRecords.ScopeRow::organisationId).filter(Objects::nonNull).forEach(ids::add);
        rows.stream().map(ImportRecords.ScopeRow::organisation).filter(Objects::nonNull).forEach(names::add);
        return new ReportingScope(names, ids);
    }

    /**
     * A job's upload from its start, fetched a chunk at a time: the heap holds one chunk, whatever the size.
     * {@code fetched} hears the bytes fetched so far, a chunk at a time.
     */
    java.io.Reader open(long jobId, Charset charset, LongConsumer fetched) {
        return new java.io.InputStreamReader(new Chunks(jobId, fetched), charset);
    }

    /** The chunks of one upload in order, each read in a unit of work of its own. */
    private final class Chunks extends InputStream {

        private final long jobId;
        private final LongConsumer fetched;
        private long bytes;
        private int next;
        private byte[] chunk = new byte[0];
        private int at;

        Chunks(long jobId, LongConsumer fetched) {
            this.jobId = jobId;
            this.fetched = fetched;
        }

        /** Whether bytes are left, fetching the next chunk when this one is used up. */
        private boolean fill() {
            while (chunk != null && at == chunk.length) {
                int position = next++;
                ImportRecords.Chunk read = store.read(c -> store.mapper(c, ImportRecords.class).chunk(jobId, position));
                chunk = read == null ? null : read.content();
                at = 0;
                if (chunk != null) {
                    bytes += chunk.length;
                    fetched.accept(bytes);
                }
            }
            return chunk != null;
        }

        @Override
        public int read() {
            return fill() ? chunk[at++] & 0xff : -1;
        }

        @Override
        public int read(byte[] into, int offset, int length) {
            if (length == 0) {
                return 0;
            }
            if (!fill()) {
                return -1;
            }
            int n = Math.min(length, chunk.length - at);
            System.arraycopy(chunk, at, into, offset, n);
            at += n;
            return n;
        }
    }
}
