package org.civicbackbone.testkit;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;

import java.util.List;
import org.civicbackbone.api.initiative.BodySpec;
import org.civicbackbone.api.initiative.MembershipSpec;
import org.civicbackbone.api.initiative.Sector;
import org.civicbackbone.api.problem.ProblemException;
import org.civicbackbone.api.store.BackboneStore;
import org.junit.Test;

public class TestKitTest {

    @Test
    public void theAuditLogKeepsOnlyCommittedEntries() {
        BackboneStore store = TestStore.inMemory();
        RecordingAuditLog audit = new RecordingAuditLog(store);
        store.inTransaction(c -> {
            audit.record(c, "ann", "town", "m", "thing.add", "kept");
            return null;
        });
        assertThrows(IllegalStateException.class, () -> store.inTransaction(c -> {
            audit.record(c, "ben", "town", "m", "thing.add", "rolled back");
            throw new IllegalStateException("the write failed");
        }));
        assertEquals(List.of("ann thing.add"), audit.actions());
        assertEquals(1, audit.recent("town", 10).size());
        assertEquals(0, audit.recent("elsewhere", 10).size());
    }

    @Test
    public void initiativesRefuseAsTheCoreDoes() {
        InMemoryInitiatives initiatives = InMemoryInitiatives.with("town", "policy");
        assertEquals("town", initiatives.requireFunction("town", "policy").id());
        assertEquals(409, assertThrows(ProblemException.class,
                () -> initiatives.requireFunction("town", "resources")).problem().status());
        assertEquals(404, assertThrows(ProblemException.class,
                () -> initiatives.requireFunction("nowhere", "policy")).problem().status());
        long board = initiatives.addBody("town", new BodySpec("board", "Board"), "admin").id();
        initiatives.addMember("town", board, new MembershipSpec("Ann", "ann", "Library", "chair", Sector.NONPROFIT), "admin");
        assertEquals(1, initiatives.members("town").size());
        initiatives.enableFunction("town", "resources", "admin");
        assertEquals(List.of("policy", "resources"), initiatives.requireFunction("town", "resources").enabledFunctionIds());
    }
}
