package org.civicbackbone.core.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;

import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import org.civicbackbone.api.initiative.Initiative;
import org.civicbackbone.store.internal.JdbcBackboneStore;
import org.civicbackbone.store.internal.MemoryStore;
import org.junit.Before;
import org.junit.Test;

/** Initiatives read by name-mapped rows: every initiative with its own functions, in two queries. */
public class InitiativeRecordsTest {

    private JdbcBackboneStore store;

    @Before
    public void setUp() {
        store = MemoryStore.fresh();
        store.migrate(CoreSchema.MODULE, CoreSchema.MIGRATIONS);
        store.inTransaction(c -> {
            try (Statement s = c.createStatement()) {
                s.execute("INSERT INTO core_initiative (id, name, problem_statement, vision, structure_model_id, demo, "
                        + "created_at, updated_at) VALUES ('zeta', 'Zeta Reads', 'p', NULL, 'nested', TRUE, "
                        + "TIMESTAMP WITH TIME ZONE '2026-01-01 00:00:00+00', TIMESTAMP WITH TIME ZONE '2026-02-01 00:00:00+00')");
                s.execute("INSERT INTO core_initiative (id, name, problem_statement, vision, structure_model_id, demo, "
                        + "created_at, updated_at) VALUES ('alpha', 'Alpha Health', NULL, 'v', 'stand-alone', FALSE, "
                        + "TIMESTAMP WITH TIME ZONE '2026-03-01 00:00:00+00', TIMESTAMP WITH TIME ZONE '2026-03-02 00:00:00+00')");
                s.execute("INSERT INTO core_initiative_function VALUES ('zeta', 'shared-measurement'), "
                        + "('zeta', 'policy'), ('zeta', 'aligned-activities')");
            }
            return null;
        });
    }

    @Test
    public void everyInitiativeWithItsFunctionsByName() {
        List<Initiative> all = store.read(c -> store.mapper(c, InitiativeRecords.class).initiatives());
        assertEquals(List.of("alpha", "zeta"), all.stream().map(Initiative::id).toList());
        Initiative alpha = all.get(0);
        assertEquals(new Initiative("alpha", "Alpha Health", null, "v", "stand-alone", List.of(), false,
                Instant.parse("2026-03-01T00:00:00Z"), Instant.parse("2026-03-02T00:00:00Z")), alpha);
        assertEquals(List.of("aligned-activities", "policy", "shared-measurement"), all.get(1).enabledFunctionIds());
        assertEquals(true, all.get(1).demo());
    }

    @Test
    public void oneInitiativeOrNone() {
        Initiative zeta = store.read(c -> store.mapper(c, InitiativeRecords.class).initiative("zeta"));
        assertEquals("Zeta Reads", zeta.name());
        assertEquals(3, zeta.enabledFunctionIds().size());
        assertNull(store.read(c -> store.mapper(c, InitiativeRecords.class).initiative("nowhere")));
    }

    @Test
    public void whetherAnInitiativeUsesAFunctionInOneLookUp() {
        assertEquals(Integer.valueOf(1), store.read(c -> store.mapper(c, InitiativeRecords.class)
                .usesFunction("zeta", "policy")));
        assertEquals(Integer.valueOf(0), store.read(c -> store.mapper(c, InitiativeRecords.class)
                .usesFunction("alpha", "policy")));
        assertNull(store.read(c -> store.mapper(c, InitiativeRecords.class).usesFunction("nowhere", "policy")));
    }
}
