package org.civicbackbone.resources.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;

import java.math.BigDecimal;
import java.sql.Connection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.civicbackbone.api.activities.ActivityCatalogue;
import org.civicbackbone.api.activities.ActivityRef;
import org.civicbackbone.api.initiative.Sector;
import org.civicbackbone.api.problem.ProblemException;
import org.civicbackbone.api.store.BackboneStore;
import org.civicbackbone.resources.internal.Funding.AllocationSpec;
import org.civicbackbone.resources.internal.Funding.RecipientKind;
import org.civicbackbone.testkit.InMemoryOrganisations;
import org.civicbackbone.testkit.RecordingAuditLog;
import org.civicbackbone.testkit.ScriptedDecisions;
import org.civicbackbone.testkit.TestStore;
import org.junit.Test;

/**
 * Money allocated to an activity benefits the organisation that runs it, whose members may not approve it: the
 * proposal's voters are chosen with the owner read before it opens, so the owner must be the same when the activity is
 * held in the proposal's transaction.
 */
public class ActivityAllocationsTest {

    private static final ActivityRef BY_THE_LIBRARY = new ActivityRef(1, "Summer reading", "Riverbend Library");

    @Test
    public void anActivityHandedToAnotherOrganisationWhileItsAllocationIsProposedIsRefused() {
        ProblemException refused = assertThrows(ProblemException.class, () -> allocateTo(
                new ActivityRef(1, "Summer reading", "Eastside Trust")));
        assertEquals(409, refused.problem().status());
        assertEquals("The activity 'Summer reading' was handed from 'Riverbend Library' to 'Eastside Trust' while the "
                + "allocation was proposed; nothing was proposed: propose it again.", refused.problem().detail());
    }

    @Test
    public void anActivityStillRunByItsOwnerGoesOnToTheMoneyRules() {
        ProblemException refused = assertThrows(ProblemException.class, () -> allocateTo(BY_THE_LIBRARY));
        assertEquals("no money was received: the next rule refuses it", 400, refused.problem().status());
        assertEquals("amount", refused.problem().violations().get(0).field());
    }

    /** Proposes 100 to "Summer reading", run by the library when read and by {@code whenHeld}'s owner once held. */
    private static void allocateTo(ActivityRef whenHeld) {
        BackboneStore store = TestStore.inMemory();
        store.migrate(ResourcesSchema.MODULE, ResourcesSchema.MIGRATIONS);
        ActivityCatalogue catalogue = new ActivityCatalogue() {
            @Override
            public List<ActivityRef> activities(String initiativeId) {
                return List.of(BY_THE_LIBRARY);
            }

            @Override
            public Optional<ActivityRef> held(Connection transaction, String initiativeId, String title) {
                return Optional.of(whenHeld);
            }
        };
        new Allocations(store, new RecordingAuditLog(store), new ScriptedDecisions(store), new InMemoryOrganisations()
                .with("town", Sector.NONPROFIT, "Riverbend Library", "Eastside Trust"), () -> catalogue)
                .propose("town", new AllocationSpec(null, RecipientKind.ACTIVITY, "Summer reading", null,
                        new BigDecimal("100"), "books", null), "ann", Map.of());
    }
}
