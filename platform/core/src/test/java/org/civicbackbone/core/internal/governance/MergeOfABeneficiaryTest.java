package org.civicbackbone.core.internal.governance;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.civicbackbone.api.audit.AuditEntry;
import org.civicbackbone.api.decision.Proposal;
import org.civicbackbone.api.decision.ProposalSpec;
import org.civicbackbone.api.decision.VoteChoice;
import org.civicbackbone.api.decision.VoteSpec;
import org.civicbackbone.api.initiative.MembershipSpec;
import org.civicbackbone.api.initiative.Organisation;
import org.civicbackbone.api.initiative.OrganisationSpec;
import org.civicbackbone.api.initiative.Sector;
import org.civicbackbone.api.module.AccountabilityRule;
import org.civicbackbone.api.module.ApprovalStep;
import org.civicbackbone.api.module.BodyRequirement;
import org.civicbackbone.api.module.DecisionRule;
import org.civicbackbone.api.module.DecisionType;
import org.civicbackbone.api.module.DeclaredStructureModel;
import org.civicbackbone.api.module.StructureModel;
import org.civicbackbone.api.problem.ProblemException;
import org.civicbackbone.core.internal.OtherRequest;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;

/**
 * Two organisation records merged while a proposal that benefits one of them is open: a seat held for the other was
 * free to vote when the proposal opened, and sits for the beneficiary once they are one. It stands aside from then on,
 * as it would on a proposal opened after the merge, including a merge sent while the proposal is being opened.
 */
public class MergeOfABeneficiaryTest {

    /** The board accepts grants by majority. */
    private static final StructureModel BOARD_MODEL = new DeclaredStructureModel("stand-alone", "Test model", "test",
            List.of(new BodyRequirement("board", "Board", "the board")), List.of(new AccountabilityRule(
            DecisionType.ACCEPT_GRANT, List.of(new ApprovalStep("board", DecisionRule.MAJORITY)), "r"))) {
    };

    private BoardedInitiative town;
    private JdbcDecisionService engine;
    private Organisation district;
    private Organisation schools;
    private final ExecutorService threads = Executors.newFixedThreadPool(1);

    @Before
    public void setUp() {
        town = BoardedInitiative.on(BOARD_MODEL);
        engine = new JdbcDecisionService(town.store(), town.audit(), town.initiatives(), town.catalogue(),
                town.organisations(), Clock.systemUTC());
        // two records of one organisation, each with a seat on the board
        district = town.organisations().register("town", new OrganisationSpec("Riverbend Unified School District",
                List.of("RUSD"), List.of(Sector.EDUCATION)), "admin");
        schools = town.organisations().register("town", new OrganisationSpec("Riverbend Schools",
                List.of(), List.of(Sector.EDUCATION)), "admin");
        seat("dan", "Riverbend Schools");
        seat("eve", "Riverbend Unified School District");
    }

    @After
    public void tearDown() {
        threads.shutdownNow();
    }

    private void seat(String login, String organisation) {
        town.initiatives().addMember("town", town.board().id(), new MembershipSpec(login, login, organisation,
                "director", Sector.EDUCATION), "admin");
    }

    private Proposal grantFor(String beneficiary) {
        return engine.propose("town", new ProposalSpec(DecisionType.ACCEPT_GRANT, "Grant to " + beneficiary, null,
                beneficiary, 7), "core", "ann");
    }

    private int vote(Proposal proposal, String login) {
        try {
            engine.vote("town", proposal.id(), new VoteSpec(VoteChoice.APPROVE, "yes"), login);
            return 201;
        } catch (ProblemException refused) {
            return refused.problem().status();
        }
    }

    @Test
    public void aSeatMergedIntoTheBeneficiaryStandsAsideOnProposalsAlreadyOpen() {
        Proposal toDistrict = grantFor("RUSD");
        Proposal toSchools = grantFor("Riverbend Schools");
        town.organisations().merge("town", schools.id(), district.id(), "admin");
        // either way round: dan sat for the duplicate, eve for the one kept
        assertEquals("dan now sits for the district", 409, vote(toDistrict, "dan"));
        assertEquals("eve sits for what the schools became", 409, vote(toSchools, "eve"));
        assertEquals("a seat for another organisation still votes", 201, vote(toDistrict, "ann"));
        AuditEntry merge = town.audit().recent("town", 50).stream()
                .filter(e -> e.action().equals("organisation.merge")).findFirst().orElseThrow();
        assertTrue(merge.detail(), merge.detail().endsWith("; 2 seat(s) on open proposals for it now stand aside "
                + "(conflict of interest)"));
    }

    @Test
    public void aMergeSentWhileAProposalIsOpenedWaitsForItAndThenPutsTheSeatInConflict() throws Exception {
        CountDownLatch opening = new CountDownLatch(1);
        Future<Organisation> merge = threads.submit(() -> {
            opening.await();
            return town.organisations().merge("town", schools.id(), district.id(), "admin");
        });
        Proposal toDistrict = engine.propose("town", new ProposalSpec(DecisionType.ACCEPT_GRANT, "Grant", null, "RUSD",
                7), "core", "ann", (c, proposal) -> {
                    opening.countDown(); // the merge is sent while the proposal's voters are chosen
                    OtherRequest.giveTwoSeconds(merge);
                    return proposal;
                });
        assertEquals(district.id(), merge.get(30, TimeUnit.SECONDS).id());
        assertEquals("dan sat for the duplicate when the voters were chosen", 409, vote(toDistrict, "dan"));
    }

    @Test
    public void aProposalOpenedAfterTheMergeNamesTheMergedSeatInConflictFromTheStart() {
        town.organisations().merge("town", schools.id(), district.id(), "admin");
        Proposal toSchools = grantFor("Riverbend Schools");
        assertEquals(409, vote(toSchools, "dan"));
        assertEquals(409, vote(toSchools, "eve"));
        assertEquals(201, vote(toSchools, "ann"));
    }
}
