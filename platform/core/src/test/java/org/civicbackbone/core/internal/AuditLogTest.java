package org.civicbackbone.core.internal;

import static org.junit.Assert.assertEquals;

import java.time.Instant;
import java.util.List;
import org.civicbackbone.api.audit.AuditEntry;
import org.civicbackbone.api.audit.AuditQuery;
import org.civicbackbone.store.internal.JdbcBackboneStore;
import org.civicbackbone.store.internal.MemoryStore;
import org.junit.Before;
import org.junit.Test;

/** The audit log's filters, each alone and together, on an in-memory H2. */
public class AuditLogTest {

    private JdbcBackboneStore store;
    private JdbcAuditLog log;

    @Before
    public void setUp() {
        store = MemoryStore.fresh();
        log = new JdbcAuditLog(store);
        record("ann", "town", "core", "initiative.create");
        record("ben", "town", "function-policy", "item.add");
        record("ann", "city", "core", "initiative.create");
        record("ann", "town", "function-policy", "item.propose");
    }

    private void record(String actor, String initiativeId, String module, String action) {
        store.inTransaction(c -> {
            log.record(c, actor, initiativeId, module, action, "x".repeat(2100));
            return null;
        });
    }

    private List<String> find(String initiativeId, String actor, String action, String module, Instant from, Instant to,
                              Long before, int limit) {
        return log.find(new AuditQuery(initiativeId, actor, action, module, from, to, before, limit)).stream()
                .map(e -> e.actor() + " " + e.initiativeId() + " " + e.action()).toList();
    }

    @Test
    public void eachFilterNarrowsAndTheNewestComeFirst() {
        assertEquals(List.of("ann town item.propose", "ben town item.add", "ann town initiative.create"),
                find("town", null, null, null, null, null, null, 10));
        assertEquals(List.of("ann town item.propose", "ann city initiative.create", "ann town initiative.create"),
                find(null, "ann", null, null, null, null, null, 10));
        assertEquals(List.of("ann city initiative.create", "ann town initiative.create"),
                find(null, null, "initiative.create", null, null, null, null, 10));
        assertEquals(List.of("ann town item.propose", "ben town item.add"),
                find(null, null, null, "function-policy", null, null, null, 10));
        assertEquals(List.of("ann town item.propose"), find("town", "ann", null, "function-policy", null, null, null, 10));
        assertEquals(List.of("ann town item.propose"), find(null, null, null, null, null, null, null, 1));
    }

    @Test
    public void pagesByIdAndWindowsByTimeAndKeepsDetailsShort() {
        List<AuditEntry> all = log.find(new AuditQuery(null, null, null, null, null, null, null, 10));
        long newest = all.get(0).id();
        assertEquals(3, find(null, null, null, null, null, null, newest, 10).size());
        assertEquals(4, find(null, null, null, null, all.get(3).at(), null, null, 10).size());
        assertEquals(0, find(null, null, null, null, null, all.get(3).at(), null, 10).size());
        assertEquals(2000, all.get(0).detail().length());
    }
}
