package org.civicbackbone.activities.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.civicbackbone.activities.internal.JointPlan.Activity;
import org.civicbackbone.activities.internal.JointPlan.ActivitySpec;
import org.civicbackbone.api.activities.ActivityRef;
import org.junit.Test;

/** The activities as other modules see them, on a real in-memory database. */
public class PlanActivityCatalogueTest {

    private final TownPlan town = TownPlan.with("Library", "School");
    private final PlanActivityCatalogue catalogue = new PlanActivityCatalogue(town.plan());

    /**
     * An activity held in a transaction (an allocation of money to it, whose beneficiary is its owner) is handed to
     * another organisation only after that transaction commits: the rule standing on its owner stands until then.
     */
    @Test
    public void aHandOverOfAnActivityHeldWaitsForTheTransactionThatHoldsIt() throws Exception {
        Activity activity = town.plan().addActivity("town", spec("Library"), "staff");
        ExecutorService other = Executors.newSingleThreadExecutor();
        try {
            Future<?>[] handOver = new Future<?>[1];
            String ownerWhileHeld = town.store().inTransaction(c -> {
                ActivityRef held = catalogue.held(c, "town", " summer READING ").orElseThrow();
                handOver[0] = other.submit(() -> town.plan().editActivity("town", activity.id(), spec("School"),
                        "staff"));
                try {
                    handOver[0].get(2, TimeUnit.SECONDS); // one that does not wait is done by then
                } catch (TimeoutException waiting) {
                    // it waits for this commit
                } catch (InterruptedException | ExecutionException e) {
                    throw new IllegalStateException(e);
                }
                assertFalse("the hand-over waits for the transaction holding the activity", handOver[0].isDone());
                return held.ownerOrganisation();
            });
            handOver[0].get(30, TimeUnit.SECONDS);
            assertEquals("Library", ownerWhileHeld);
            assertEquals("School", catalogue.activity("town", "Summer reading").orElseThrow().ownerOrganisation());
            assertEquals(Optional.empty(), town.store().inTransaction(c -> catalogue.held(c, "town", "Winter reading")));
        } finally {
            other.shutdownNow();
        }
    }

    private static ActivitySpec spec(String owner) {
        return new ActivitySpec("Summer reading", null, owner, List.of(), LocalDate.of(2026, 6, 1), null);
    }
}
