package org.civicbackbone.core.internal.governance;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.civicbackbone.api.decision.Proposal;
import org.civicbackbone.api.decision.ProposalSpec;
import org.civicbackbone.api.initiative.Initiative;
import org.civicbackbone.api.initiative.InitiativeSpec;
import org.civicbackbone.api.module.AccountabilityRule;
import org.civicbackbone.api.module.ApprovalStep;
import org.civicbackbone.api.module.BodyRequirement;
import org.civicbackbone.api.module.DecisionRule;
import org.civicbackbone.api.module.DecisionType;
import org.civicbackbone.api.module.DeclaredStructureModel;
import org.civicbackbone.api.module.StructureModel;
import org.civicbackbone.api.problem.ProblemException;
import org.civicbackbone.core.internal.CoreSchema;
import org.civicbackbone.core.internal.InitiativeRecords;
import org.civicbackbone.core.internal.OtherRequest;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;

/**
 * An initiative's model may be changed directly only until its first proposal; after, changing it is a governed
 * decision. The first proposal and a direct change of model at one moment take turns: one of them is refused, and no
 * proposal stands under rules that are no longer the initiative's.
 */
public class ModelChangeAtOneMomentTest {

    private static final StructureModel BOARD = model("stand-alone");
    private static final StructureModel OTHER = model("volunteer");

    private BoardedInitiative town;
    private JdbcDecisionService engine;
    private final ExecutorService threads = Executors.newFixedThreadPool(1);

    private static StructureModel model(String id) {
        return new DeclaredStructureModel(id, "Model " + id, "test", List.of(new BodyRequirement("board", "Board",
                "the board")), List.of(new AccountabilityRule(DecisionType.HIRE_STAFF, List.of(
                new ApprovalStep("board", DecisionRule.MAJORITY)), "r"))) {
        };
    }

    @Before
    public void setUp() {
        town = BoardedInitiative.on(BOARD, OTHER);
        engine = new JdbcDecisionService(town.store(), town.audit(), town.initiatives(), town.catalogue(),
                town.organisations(), Clock.systemUTC());
    }

    @After
    public void tearDown() {
        threads.shutdownNow();
    }

    @Test
    public void aChangeOfModelWaitsForTheFirstProposalBeingOpenedAndIsThenRefused() throws Exception {
        CountDownLatch opening = new CountDownLatch(1);
        Future<Initiative> change = threads.submit(() -> {
            opening.await();
            return town.initiatives().update("town", new InitiativeSpec("town", "Town", null, null, OTHER.id(),
                    List.of()), "admin");
        });
        engine.propose("town", hire(), "core", "ann", (c, proposal) -> {
            opening.countDown(); // the change is sent while the proposal is being opened
            OtherRequest.giveTwoSeconds(change);
            return proposal;
        });
        ExecutionException refused = assertThrows(ExecutionException.class, () -> change.get(30, TimeUnit.SECONDS));
        assertEquals(409, ((ProblemException) refused.getCause()).problem().status());
        assertEquals(BOARD.id(), town.initiatives().find("town").orElseThrow().structureModelId());
    }

    @Test
    public void aProposalPreparedUnderAModelChangedMeanwhileIsRefused() throws Exception {
        Future<?>[] proposal = new Future<?>[1];
        town.store().inTransaction(c -> { // a direct change of model, committing after the proposal read the model
            town.store().holdUntilCommit(c, CoreSchema.proposalsLock("town"));
            town.store().mapper(c, InitiativeRecords.class).changeModel("town", OTHER.id(), null, Instant.now());
            proposal[0] = threads.submit(() -> engine.propose("town", hire(), "core", "ann"));
            OtherRequest.giveTwoSeconds(proposal[0]);
            return null;
        });
        ExecutionException refused = assertThrows(ExecutionException.class,
                () -> proposal[0].get(30, TimeUnit.SECONDS));
        ProblemException problem = (ProblemException) refused.getCause();
        assertEquals(409, problem.problem().status());
        assertEquals("The initiative's structure model changed from 'stand-alone' to 'volunteer' while the proposal "
                + "was prepared; nothing was proposed: propose it again.", problem.problem().detail());
        assertEquals(List.<Proposal>of(), engine.proposals("town"));
    }

    private static ProposalSpec hire() {
        return new ProposalSpec(DecisionType.HIRE_STAFF, "Hire a coordinator", "half time", null, 7);
    }
}
