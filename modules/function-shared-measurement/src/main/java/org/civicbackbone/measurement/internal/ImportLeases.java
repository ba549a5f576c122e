package org.civicbackbone.measurement.internal;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import org.civicbackbone.api.store.BackboneStore;

/**
 * Which node runs which import job (ADR 0021). A job's row names the node that holds its lease and when that node
 * last said it was alive; a node renews the leases of all its unfinished jobs every third of the lease, and takes
 * over a job whose lease has lapsed (its node died or hangs) or that it held itself before a restart. The import's
 * own transaction and the job's outcome are written only while the lease is still the writer's
 * ({@link #stillMine}), so a node that comes back from a long pause after its job was taken over stores nothing.
 */
final class ImportLeases {

    private final BackboneStore store;
    private final String node;
    private final Duration lease;

    ImportLeases(BackboneStore store, String node, Duration lease) {
        this.store = store;
        this.node = node;
        this.lease = lease;
    }

    /**
     * This installation's name as a runner of jobs: its host and data folder, the same after a restart (so it takes
     * its own jobs back at once) and different for every node; outside Karaf, the working folder stands for it.
     */
    static String thisNode() {
        String data = System.getProperty("karaf.data", System.getProperty("user.dir", "."));
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "localhost";
        }
        return host + ":" + Path.of(data).toAbsolutePath().normalize();
    }

    String node() {
        return node;
    }

    Duration lease() {
        return lease;
    }

    /** Takes the job's lease if it is free, this node's from before, or lapsed; whether this node now holds it. */
    boolean claim(Connection c, long id) {
        Instant now = Instant.now();
        return records(c).claim(id, node, now, now.minus(lease)) == 1;
    }

    /** Renews the leases of this node's unfinished jobs, in a transaction of its own. */
    void renew() {
        store.inTransaction(c -> records(c).heartbeat(node, Instant.now()));
    }

    /** Whether this node still holds the job's lease, renewing it if so (inside the caller's transaction). */
    boolean stillMine(Connection c, long id) {
        return records(c).stillMine(id, node, Instant.now()) == 1;
    }

    private ImportRecords records(Connection c) {
        return store.mapper(c, ImportRecords.class);
    }
}
