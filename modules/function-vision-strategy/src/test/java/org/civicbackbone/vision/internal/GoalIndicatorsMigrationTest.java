package org.civicbackbone.vision.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;

import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.civicbackbone.api.store.BackboneStore;
import org.civicbackbone.testkit.TestStore;
import org.junit.Test;

/** Migration 3 moves each goal's comma-separated indicator ids into rows, in order, and drops the list column. */
public class GoalIndicatorsMigrationTest {

    @Test
    public void listsBecomeRowsInTheirOrder() {
        BackboneStore store = TestStore.inMemory();
        assertEquals(2, store.migrate(VisionSchema.MODULE, VisionSchema.MIGRATIONS.subList(0, 2)));
        store.inTransaction(c -> {
            try (Statement s = c.createStatement()) {
                s.execute("INSERT INTO vs_version (id, initiative_id, number, problem_statement, vision, created_by, "
                        + "created_at) VALUES (1, 'town', 1, 'p', 'v', 'staff', CURRENT_TIMESTAMP)");
                s.execute("INSERT INTO vs_goal (id, version_id, number, title, outcome, indicator_ids) VALUES "
                        + "(10, 1, 1, 'Read', 'o', '14,3,159'), (11, 1, 2, 'None', 'o', ''), (12, 1, 3, 'One', 'o', '7')");
            }
            return null;
        });
        assertEquals(3, store.migrate(VisionSchema.MODULE, VisionSchema.MIGRATIONS));
        List<String> rows = store.read(c -> {
            List<String> found = new ArrayList<>();
            try (Statement s = c.createStatement(); ResultSet r = s.executeQuery(
                    "SELECT goal_id, position, indicator_id FROM vs_goal_indicator ORDER BY goal_id, position")) {
                while (r.next()) {
                    found.add(r.getLong(1) + ":" + r.getInt(2) + ":" + r.getLong(3));
                }
            }
            return found;
        });
        assertEquals(List.of("10:1:14", "10:2:3", "10:3:159", "12:1:7"), rows);
        boolean listColumnLeft = store.read(c -> {
            try (ResultSet r = c.getMetaData().getColumns(null, null, "VS_GOAL", "INDICATOR_IDS")) {
                return r.next();
            }
        });
        assertFalse(listColumnLeft);
    }
}
