package org.civicbackbone.core.internal.governance;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.fail;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.civicbackbone.api.decision.Proposal;
import org.civicbackbone.api.decision.ProposalSpec;
import org.civicbackbone.api.decision.ProposalState;
import org.civicbackbone.api.decision.VoteChoice;
import org.civicbackbone.api.decision.VoteSpec;
import org.civicbackbone.api.initiative.GovernanceBody;
import org.civicbackbone.api.initiative.MembershipSpec;
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
import org.civicbackbone.api.problem.Violation;
import org.civicbackbone.core.internal.JdbcInitiativeService;
import org.civicbackbone.core.internal.JdbcOrganisationRegistry;
import org.junit.Before;
import org.junit.Test;

/** The engine with the real core services on an in-memory H2 database and a clock the test moves. */
public class DecisionEngineTest {

    /** A clock that tests move forward. */
    private static final class MovableClock extends Clock {
        private Instant now = Instant.parse("2026-01-05T09:00:00Z");

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    /** A one-body model: the board decides hires by majority and grants by consensus. */
    private static final StructureModel BOARD_MODEL = new DeclaredStructureModel("stand-alone", "Test model", "test",
            List.of(new BodyRequirement("board", "Board", "the board")), List.of(
            new AccountabilityRule(DecisionType.HIRE_STAFF, List.of(new ApprovalStep("board", DecisionRule.MAJORITY)), "r"),
            new AccountabilityRule(DecisionType.ACCEPT_GRANT, List.of(new ApprovalStep("board", DecisionRule.CONSENSUS)), "r"))) {
    };

    private final MovableClock clock = new MovableClock();
    private JdbcDecisionService engine;
    private JdbcInitiativeService initiatives;
    private JdbcOrganisationRegistry organisations;
    private GovernanceBody board;

    @Before
    public void setUp() {
        BoardedInitiative town = BoardedInitiative.on(BOARD_MODEL);
        organisations = town.organisations();
        initiatives = town.initiatives();
        board = town.board();
        engine = new JdbcDecisionService(town.store(), town.audit(), initiatives, town.catalogue(), organisations, clock);
    }

    private int proposed;

    /** A proposal of its own title: one alike still open would be refused. */
    private Proposal propose(DecisionType type) {
        return engine.propose("town", new ProposalSpec(type, "t" + ++proposed, null, null, 7), "core", "ann");
    }

    /** Two alike open at once would split the votes between them: a second click opens none. */
    @Test
    public void aProposalAlikeOneOpenIsRefusedUntilThatOneIsDecided() {
        Proposal first = engine.propose("town", new ProposalSpec(DecisionType.HIRE_STAFF, "Hire a coordinator",
                "half time", null, 7), "core", "ann");
        ProblemException twice = assertThrows(ProblemException.class, () -> engine.propose("town", new ProposalSpec(
                DecisionType.HIRE_STAFF, " hire a  Coordinator", "half time", null, 7), "core", "ben"));
        assertEquals(409, twice.problem().status());
        assertEquals(List.of(new Violation("title", "is open proposal " + first.id())), twice.problem().violations());
        assertEquals(1, engine.proposals("town").size());
        // another description, type or module is another proposal
        engine.propose("town", new ProposalSpec(DecisionType.HIRE_STAFF, "Hire a coordinator", "full time", null, 7),
                "core", "ann");
        engine.propose("town", new ProposalSpec(DecisionType.ACCEPT_GRANT, "Hire a coordinator", "half time", null, 7),
                "core", "ann");
        engine.propose("town", new ProposalSpec(DecisionType.HIRE_STAFF, "Hire a coordinator", "half time", null, 7),
                "function-resources", "ann");
        engine.withdraw("town", first.id(), "ann", false);
        assertEquals("once decided, it may be put again", ProposalState.OPEN, engine.propose("town", new ProposalSpec(
                DecisionType.HIRE_STAFF, "Hire a coordinator", "half time", null, 7), "core", "ann").state());
    }

    private void vote(Proposal p, String who, VoteChoice choice) {
        engine.vote("town", p.id(), new VoteSpec(choice, "because"), who);
    }

    @Test
    public void aSeatForTheBeneficiaryUnderAnyOfItsNamesCannotVote() {
        organisations.register("town", new OrganisationSpec("Riverbend Unified School District", List.of("RUSD"),
                List.of(Sector.EDUCATION)), "admin");
        initiatives.addMember("town", board.id(), new MembershipSpec("dan", "dan", "Riverbend Unified School District",
                "director", Sector.EDUCATION), "admin");
        Proposal grant = engine.propose("town", new ProposalSpec(DecisionType.ACCEPT_GRANT, "t", null, "RUSD", 7),
                "core", "ann");
        try {
            vote(grant, "dan", VoteChoice.APPROVE);
            fail("the beneficiary's seat voted");
        } catch (ProblemException e) {
            assertEquals(409, e.problem().status());
        }
    }

    @Test
    public void aRetiredSeatVotesOnNothingEvenOnAProposalOpenedBefore() {
        Proposal p = propose(DecisionType.HIRE_STAFF);
        long ben = initiatives.members("town", board.id()).stream().filter(m -> m.username().equals("ben")).findFirst()
                .orElseThrow().id();
        initiatives.retireMember("town", board.id(), ben, "admin");
        try {
            vote(p, "ben", VoteChoice.APPROVE);
            fail("a retired seat voted");
        } catch (ProblemException e) {
            assertEquals(403, e.problem().status());
        }
        vote(p, "ann", VoteChoice.APPROVE);
        assertEquals(2, initiatives.members("town", board.id()).size());
    }

    private long seatOf(String login) {
        return initiatives.members("town", board.id()).stream().filter(m -> m.username().equals(login)).findFirst()
                .orElseThrow().id();
    }

    /**
     * A seat given up before its vote decides nothing: it is not waited for, and its absence does not weigh against.
     * Before, a consensus whose last member retired stayed open until its time was up, and the retired member was
     * still asked for the vote.
     */
    @Test
    public void aConsensusIsReachedWhenTheLastMemberWhoHadNotVotedRetires() {
        Proposal grant = propose(DecisionType.ACCEPT_GRANT);
        vote(grant, "ann", VoteChoice.APPROVE);
        vote(grant, "ben", VoteChoice.APPROVE);
        assertEquals(ProposalState.OPEN, engine.proposal("town", grant.id()).state());
        assertEquals(List.of(grant.id()), engine.awaitingVote("cat").stream().map(Proposal::id).toList());
        initiatives.retireMember("town", board.id(), seatOf("cat"), "admin");
        assertEquals("nothing waits for a vote the seat can no longer cast", List.of(), engine.awaitingVote("cat"));
        assertEquals("decided by the governance clock's next round", 1, engine.sweep());
        assertEquals(ProposalState.APPROVED, engine.proposal("town", grant.id()).state());
        assertEquals(0, engine.sweep());
    }

    /** A vote cast before the seat was given up stands, and counts as the seat it was cast from. */
    @Test
    public void aVoteCastBeforeTheSeatIsGivenUpStands() {
        Proposal hire = propose(DecisionType.HIRE_STAFF);
        vote(hire, "ann", VoteChoice.OBJECT);
        initiatives.retireMember("town", board.id(), seatOf("ann"), "admin");
        initiatives.retireMember("town", board.id(), seatOf("ben"), "admin");
        // eligible: ann, who voted, and cat; ben, who never did, is not counted. One against of two rejects a majority
        // (with ann's vote gone with her seat it would wait for cat; with ben counted, one of three waits too)
        assertEquals(1, engine.sweep());
        assertEquals(ProposalState.REJECTED, engine.proposal("town", hire.id()).state());
    }

    /** With every seat given up before voting, nobody is left to decide: the proposal expires when its time is up. */
    @Test
    public void aProposalWhoseVotersAllRetiredExpiresNotRejected() {
        Proposal hire = propose(DecisionType.HIRE_STAFF);
        for (String login : List.of("ann", "ben", "cat")) {
            initiatives.retireMember("town", board.id(), seatOf(login), "admin");
        }
        assertEquals(0, engine.sweep());
        assertEquals(ProposalState.OPEN, engine.proposal("town", hire.id()).state());
        clock.now = clock.now.plus(Duration.ofDays(8));
        assertEquals(1, engine.sweep());
        assertEquals(ProposalState.EXPIRED, engine.proposal("town", hire.id()).state());
    }

    @Test
    public void aProposalWithoutQuorumExpires() {
        Proposal p = propose(DecisionType.HIRE_STAFF);
        vote(p, "ann", VoteChoice.APPROVE);
        assertEquals(ProposalState.OPEN, engine.proposal("town", p.id()).state());
        clock.now = clock.now.plus(Duration.ofDays(8));
        assertEquals("a read does not decide: the governance clock does", ProposalState.OPEN,
                engine.proposal("town", p.id()).state());
        assertEquals(1, engine.sweep());
        assertEquals(ProposalState.EXPIRED, engine.proposal("town", p.id()).state());
        assertEquals("decided once", 0, engine.sweep());
    }

    @Test
    public void consensusWithAQuorumIsDecidedWhenTimeIsUp() {
        Proposal p = propose(DecisionType.ACCEPT_GRANT);
        vote(p, "ann", VoteChoice.APPROVE);
        vote(p, "ben", VoteChoice.OBJECT);
        assertEquals("cat could still block", ProposalState.OPEN, engine.proposal("town", p.id()).state());
        clock.now = clock.now.plus(Duration.ofDays(8));
        engine.sweep();
        assertEquals(ProposalState.APPROVED, engine.proposals("town").get(0).state());
    }

    @Test
    public void aChangedVoteIsANewRecordAndTheLatestCounts() {
        Proposal p = propose(DecisionType.HIRE_STAFF);
        vote(p, "ann", VoteChoice.APPROVE);
        vote(p, "ann", VoteChoice.OBJECT);
        vote(p, "ben", VoteChoice.OBJECT);
        assertEquals(ProposalState.REJECTED, engine.proposal("town", p.id()).state());
        assertEquals(List.of(VoteChoice.APPROVE, VoteChoice.OBJECT, VoteChoice.OBJECT),
                engine.votes("town", p.id()).stream().map(v -> v.choice()).toList());
    }

    @Test
    public void theVotesOfAWholeLogAreReadAtOnceAndMatchEachProposalsOwn() {
        Proposal hire = propose(DecisionType.HIRE_STAFF);
        Proposal grant = propose(DecisionType.ACCEPT_GRANT);
        Proposal untouched = propose(DecisionType.ACCEPT_GRANT);
        vote(hire, "ann", VoteChoice.APPROVE);
        vote(grant, "ben", VoteChoice.OBJECT);
        vote(hire, "ann", VoteChoice.OBJECT);
        var byProposal = engine.votesByProposal("town");
        assertEquals(engine.votes("town", hire.id()), byProposal.get(hire.id()));
        assertEquals(engine.votes("town", grant.id()), byProposal.get(grant.id()));
        assertEquals("nobody voted on it", null, byProposal.get(untouched.id()));
        assertEquals(2, byProposal.size());
    }
}
