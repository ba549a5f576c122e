package org.civicbackbone.core.internal.governance;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.util.List;
import org.civicbackbone.api.decision.HireSpec;
import org.civicbackbone.api.decision.Proposal;
import org.civicbackbone.api.decision.ProposalState;
import org.civicbackbone.api.decision.StaffHire;
import org.civicbackbone.api.decision.VoteChoice;
import org.civicbackbone.api.decision.VoteSpec;
import org.civicbackbone.api.module.AccountabilityRule;
import org.civicbackbone.api.module.ApprovalStep;
import org.civicbackbone.api.module.BodyRequirement;
import org.civicbackbone.api.module.DecisionRule;
import org.civicbackbone.api.module.DecisionType;
import org.civicbackbone.api.module.DeclaredStructureModel;
import org.civicbackbone.api.problem.ProblemException;
import org.civicbackbone.api.problem.Violation;
import org.junit.Before;
import org.junit.Test;

/** A hire joins the backbone team once its proposal is approved, exactly once, even if the news is lost or repeated. */
public class StaffHireTest {

    private BoardedInitiative town;
    private JdbcDecisionService decisions;
    private JdbcStaffService staff;

    @Before
    public void setUp() {
        town = BoardedInitiative.on(new DeclaredStructureModel("stand-alone", "Test model", "test",
                List.of(new BodyRequirement("board", "Board", "b")), List.of(new AccountabilityRule(
                        DecisionType.HIRE_STAFF, List.of(new ApprovalStep("board", DecisionRule.MAJORITY)), "r"))) {
        });
        decisions = new JdbcDecisionService(town.store(), town.audit(), town.initiatives(), town.catalogue(),
                town.organisations());
        staff = new JdbcStaffService(town.store(), town.audit(), decisions, town.initiatives());
    }

    private Proposal approved(StaffHire hire) {
        decisions.vote("town", hire.proposalId(), new VoteSpec(VoteChoice.APPROVE, "yes"), "ann");
        return decisions.vote("town", hire.proposalId(), new VoteSpec(VoteChoice.APPROVE, "yes"), "ben");
    }

    private long teamSeats() {
        return town.initiatives().members("town").stream().filter(m -> "dana".equals(m.username())).count();
    }

    @Test
    public void anApprovedHireIsSeatedOnceHoweverOftenItIsAnnounced() {
        StaffHire hire = staff.proposeHire("town", new HireSpec("Dana Reyes", "dana", "Director",
                "United Way", "we need a director"), "ann");
        assertEquals(ProposalState.OPEN, hire.state());
        assertEquals(0, teamSeats());
        Proposal decided = approved(hire);
        staff.decided(decided);
        staff.decided(decided);
        assertEquals(1, teamSeats());
        assertEquals(ProposalState.APPROVED, staff.hires("town").get(0).state());
        assertTrue(staff.hires("town").get(0).hiredAt() != null);
    }

    @Test
    public void theSweepSeatsAHireWhoseAnnouncementWasLost() {
        StaffHire hire = staff.proposeHire("town", new HireSpec("Dana Reyes", "dana", "Director",
                "United Way", "we need a director"), "ann");
        approved(hire); // the announcement never reaches the staff service
        assertEquals(0, teamSeats());
        assertEquals(1, staff.sweep());
        assertEquals(0, staff.sweep());
        assertEquals(1, teamSeats());
        assertFalse(town.initiatives().bodies("town").stream().filter(b -> b.type().equals("backbone-team")).toList()
                .isEmpty());
    }

    @Test
    public void aHireOfSomeoneOnTheTeamOrAwaitingTheirDecisionIsRefusedByName() {
        HireSpec dana = new HireSpec("Dana Reyes", "dana", "Director", "United Way", "we need a director");
        StaffHire hire = staff.proposeHire("town", dana, "ann");
        ProblemException waiting = assertThrows(ProblemException.class, () -> staff.proposeHire("town",
                new HireSpec("dana reyes", null, "Director", "United Way", "again"), "ann"));
        assertEquals(409, waiting.problem().status());
        assertEquals(List.of(new Violation("person", "hired by proposal " + hire.proposalId()
                + ", which awaits its decision")), waiting.problem().violations());
        staff.decided(approved(hire));
        ProblemException seated = assertThrows(ProblemException.class, () -> staff.proposeHire("town",
                new HireSpec("D. Reyes", "dana", "Deputy", "United Way", "a second role"), "ann"));
        assertTrue(seated.problem().detail(), seated.problem().detail().startsWith("Dana Reyes is on the backbone team "
                + "already (seat "));
        assertEquals(1, staff.hires("town").size());
        assertEquals(1, teamSeats());
        assertEquals("a namesake with a login of her own is another person", ProposalState.OPEN, staff.proposeHire(
                "town", new HireSpec("Dana Reyes", "dana.r", "Coordinator", "United Way", "a second hire"), "ann")
                .state());
    }
}
