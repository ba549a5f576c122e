package org.civicbackbone.policy.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;

import java.time.Instant;
import java.util.List;
import org.civicbackbone.api.store.GeneratedKey;
import org.civicbackbone.policy.internal.PolicyAgenda.Outcome;
import org.civicbackbone.policy.internal.PolicyAgenda.Stage;
import org.civicbackbone.policy.internal.PolicyAgenda.Stance;
import org.civicbackbone.policy.internal.PolicyAgenda.StanceKind;
import org.civicbackbone.policy.internal.PolicyAgenda.TargetKind;
import org.civicbackbone.policy.internal.PolicyRecords.ItemRow;
import org.civicbackbone.api.store.BackboneStore;
import org.civicbackbone.testkit.TestStore;
import org.junit.Before;
import org.junit.Test;

/** The policy tables through their mapper, on a real database: ids, enums, nulls and stances per initiative. */
public class PolicyRecordsTest {

    private static final Instant AT = Instant.parse("2026-05-01T12:00:00Z");

    private BackboneStore store;

    @Before
    public void setUp() {
        store = TestStore.inMemory();
        store.migrate(Policy.MODULE, PolicySchema.MIGRATIONS);
    }

    private long item(String initiativeId, String title) {
        return store.inTransaction(c -> {
            GeneratedKey key = new GeneratedKey();
            store.mapper(c, PolicyRecords.class).insertItem(key, initiativeId, title, "problem", "position",
                    TargetKind.BUDGET, "County budget", Stage.IDEA, "staff1", AT);
            return key.id();
        });
    }

    @Test
    public void itemsAreWrittenAndReadBackByName() {
        long first = item("town", "Library hours");
        long second = item("town", "Screening");
        item("elsewhere", "Not here");
        store.inTransaction(c -> {
            PolicyRecords records = store.mapper(c, PolicyRecords.class);
            assertEquals(1, records.setStage(second, Stage.RESEARCHING, null));
            assertEquals("changed since it was read", 0, records.setPositionProposal(second, 42, null, 1));
            assertEquals(1, records.setPositionProposal(second, 42, null, 0));
            assertEquals("put to a proposal since it was read", 0, records.setStage(second, Stage.IDEA, null));
            assertEquals(1, records.setOutcome(second, Outcome.ENACTED, "passed in June"));
            assertEquals("closed already", 0, records.setOutcome(second, Outcome.DROPPED, "a second click"));
            assertEquals("a closed item's stage is settled", 0, records.setStage(second, Stage.IDEA, 42L));
            return null;
        });
        List<ItemRow> items = store.read(c -> store.mapper(c, PolicyRecords.class).items("town"));
        assertEquals(List.of(first, second), items.stream().map(ItemRow::id).toList());
        ItemRow fresh = items.get(0);
        assertEquals(new ItemRow(first, "Library hours", "problem", "position", TargetKind.BUDGET, "County budget",
                Stage.IDEA, null, null, null, "staff1", AT, 0), fresh);
        ItemRow settled = items.get(1);
        assertEquals(Stage.RESEARCHING, settled.stage());
        assertEquals(Long.valueOf(42), settled.positionProposalId());
        assertEquals(Outcome.ENACTED, settled.outcome());
        assertEquals("passed in June", settled.outcomeNote());
    }

    @Test
    public void stancesPerItemAndPerInitiative() {
        long hours = item("town", "Library hours");
        long other = item("elsewhere", "Not here");
        store.inTransaction(c -> {
            PolicyRecords records = store.mapper(c, PolicyRecords.class);
            records.insertStance(new GeneratedKey(), hours, "Library", StanceKind.ENDORSE, true, null, "staff1", AT, 1L);
            records.insertStance(new GeneratedKey(), hours, "School", StanceKind.DISSENT, false, "no", "staff1", AT, 3L);
            records.insertStance(new GeneratedKey(), other, "Elsewhere", StanceKind.NEUTRAL, true, null, "staff2", AT, 2L);
            return null;
        });
        List<Stance> ofItem = store.read(c -> store.mapper(c, PolicyRecords.class).stancesOf(hours));
        assertEquals(2, ofItem.size());
        Stance dissent = ofItem.get(1);
        assertEquals(hours, dissent.itemId());
        assertEquals(StanceKind.DISSENT, dissent.stance());
        assertEquals(false, dissent.named());
        assertEquals("no", dissent.note());
        assertEquals(Long.valueOf(3), dissent.organisationId());
        assertNull(ofItem.get(0).note());
        assertEquals(2, store.read(c -> store.mapper(c, PolicyRecords.class).stancesOfInitiative("town")).size());
    }

    @Test
    public void stancesFollowAnOrganisationMergedIntoAnother() {
        long hours = item("town", "Library hours");
        store.inTransaction(c -> {
            PolicyRecords records = store.mapper(c, PolicyRecords.class);
            records.insertStance(new GeneratedKey(), hours, "Library", StanceKind.ENDORSE, true, null, "staff1", AT, 1L);
            records.insertStance(new GeneratedKey(), hours, "The Library", StanceKind.ENDORSE, true, null, "staff1", AT, 2L);
            records.insertStance(new GeneratedKey(), hours, "School", StanceKind.DISSENT, true, null, "staff1", AT, 3L);
            return null;
        });
        PolicyFunction function = new PolicyFunction(null); // the service reference only gates the listing

        for (int time = 0; time < 2; time++) { // a module installed later is given the same merge again: no harm
            store.inTransaction(c -> {
                function.repoint(c, "town", 2, 1);
                return null;
            });
        }

        assertEquals(List.of(1L, 1L, 3L), store.read(c -> store.mapper(c, PolicyRecords.class).stancesOf(hours))
                .stream().map(Stance::organisationId).toList());
        assertEquals("the text people typed stays as typed", List.of("Library", "The Library", "School"),
                store.read(c -> store.mapper(c, PolicyRecords.class).stancesOf(hours)).stream()
                        .map(Stance::organisation).toList());
    }
}
