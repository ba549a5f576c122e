package org.civicbackbone.policy.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;

import java.util.List;
import org.civicbackbone.api.initiative.BodySpec;
import org.civicbackbone.api.initiative.MembershipSpec;
import org.civicbackbone.api.initiative.Sector;
import org.civicbackbone.api.problem.ProblemException;
import org.civicbackbone.api.problem.Violation;
import org.civicbackbone.api.store.BackboneStore;
import org.civicbackbone.policy.internal.PolicyAgenda.AdoptionSpec;
import org.civicbackbone.policy.internal.PolicyAgenda.Item;
import org.civicbackbone.policy.internal.PolicyAgenda.ItemSpec;
import org.civicbackbone.policy.internal.PolicyAgenda.Outcome;
import org.civicbackbone.policy.internal.PolicyAgenda.OutcomeSpec;
import org.civicbackbone.policy.internal.PolicyAgenda.Stage;
import org.civicbackbone.policy.internal.PolicyAgenda.StageSpec;
import org.civicbackbone.policy.internal.PolicyAgenda.StanceKind;
import org.civicbackbone.policy.internal.PolicyAgenda.StanceSpec;
import org.civicbackbone.policy.internal.PolicyAgenda.Status;
import org.civicbackbone.policy.internal.PolicyAgenda.TargetKind;
import org.civicbackbone.testkit.InMemoryInitiatives;
import org.civicbackbone.testkit.InMemoryOrganisations;
import org.civicbackbone.testkit.RecordingAuditLog;
import org.civicbackbone.testkit.SameMoment;
import org.civicbackbone.testkit.ScriptedDecisions;
import org.civicbackbone.testkit.TestStore;
import org.junit.Test;

/** Policy items through the function's rules on a real (in-memory) database. */
public class PolicyItemsTest {

    private static ItemSpec item(String title) {
        return new ItemSpec(title, "Branches close early", "Open on Sundays", TargetKind.BUDGET, "County budget");
    }

    /** Partners state stances on an item: two open items of one issue would split them. */
    @Test
    public void anIssueIsOneOpenItemAndMayReturnOnceClosed() {
        BackboneStore store = TestStore.inMemory();
        Policy policy = new Policy(store, new RecordingAuditLog(store), InMemoryInitiatives.with("town",
                Policy.FUNCTION_ID), input -> { }, new ScriptedDecisions(store), new InMemoryOrganisations());
        Item first = policy.add("town", item("Library hours on weekends"), "staff");
        ProblemException twice = assertThrows(ProblemException.class, () -> policy.add("town",
                item(" library hours ON weekends"), "staff"));
        assertEquals(409, twice.problem().status());
        assertEquals(List.of(new Violation("title", "is open item " + first.id())), twice.problem().violations());
        policy.recordOutcome("town", first.id(), new OutcomeSpec(Outcome.DROPPED, "not this year"), "staff");
        assertEquals("raised again once dropped", 2, policy.add("town", item("Library hours on weekends"), "staff")
                .id());
    }

    /** A stage set eight times at once (a double click): written and logged once; set again, nothing more. */
    @Test
    public void aStageSetEightTimesAtOnceIsLoggedOnce() {
        BackboneStore store = TestStore.inMemory();
        RecordingAuditLog audit = new RecordingAuditLog(store);
        Policy policy = new Policy(store, audit, InMemoryInitiatives.with("town", Policy.FUNCTION_ID), input -> { },
                new ScriptedDecisions(store), new InMemoryOrganisations());
        Item item = policy.add("town", item("Library hours on weekends"), "staff");
        assertEquals(8, SameMoment.run(8, i -> policy.changeStage("town", item.id(),
                new StageSpec(Stage.RESEARCHING), "staff")).served());
        policy.changeStage("town", item.id(), new StageSpec(Stage.RESEARCHING), "staff");
        assertEquals(List.of("staff item.add", "staff item.stage"), audit.actions());
        assertEquals(Status.RESEARCHING, policy.item("town", item.id()).status());
    }

    /**
     * An item's text is changed while it is worked out. Its position and target are what partners take their stance
     * on: once one has, they stay; and the bodies are given the position as it was read, never one changed meanwhile.
     */
    @Test
    public void anItemIsChangedWhileWorkedOutButNotUnderPartnersStancesNorTheBodiesDecision() {
        BackboneStore store = TestStore.inMemory();
        InMemoryOrganisations organisations = new InMemoryOrganisations();
        InMemoryInitiatives initiatives = InMemoryInitiatives.with("town", Policy.FUNCTION_ID)
                .withOrganisations(organisations);
        long table = initiatives.addBody("town", new BodySpec("collaborative-table", "Table"), "test").id();
        initiatives.addMember("town", table, new MembershipSpec("Ann", null, "Library", "member", Sector.PUBLIC_AGENCY),
                "test");
        RecordingAuditLog audit = new RecordingAuditLog(store);
        ScriptedDecisions decisions = new ScriptedDecisions(store);
        Policy policy = new Policy(store, audit, initiatives, input -> { }, decisions, organisations);
        Item hours = policy.add("town", item("Library hours"), "staff");
        policy.add("town", item("Screening"), "staff");

        Item changed = policy.change("town", hours.id(), new ItemSpec("Library hours on weekends", "Branches close "
                + "at noon on Saturdays", "Open on Saturday and Sunday afternoons", TargetKind.BUDGET,
                "County budget 2027"), "staff");
        assertEquals("Open on Saturday and Sunday afternoons", changed.proposedPosition());
        assertEquals(1, changed.revision());
        assertEquals("policy item " + hours.id() + ": title 'Library hours' to 'Library hours on weekends'; problem; "
                + "proposedPosition; target", audit.recent("town", 1).get(0).detail());
        assertEquals(409, assertThrows(ProblemException.class, () -> policy.change("town", hours.id(),
                item("screening"), "staff")).problem().status());

        Item read = policy.item("town", hours.id());
        policy.recordStance("town", hours.id(), new StanceSpec("Library", StanceKind.ENDORSE, true, null), "staff");
        ProblemException stanceTaken = assertThrows(ProblemException.class, () -> policy.change("town", hours.id(),
                new ItemSpec("Library hours on weekends", "Branches close at noon on Saturdays", "Open on Sundays",
                        TargetKind.BUDGET, "County budget 2027"), "staff"));
        assertEquals(List.of(new Violation("proposedPosition", "partners have taken their stance on it; put a new "
                + "item on the agenda to change it")), stanceTaken.problem().violations());
        // the problem's wording is not what partners endorse: it may still be mended
        Item mended = policy.change("town", hours.id(), new ItemSpec("Library hours on weekends", "Branches close at "
                + "noon on Saturdays and all Sunday", "Open on Saturday and Sunday afternoons", TargetKind.BUDGET,
                "County budget 2027"), "staff");
        assertEquals(2, mended.revision());
        // read before that mending: putting it to the bodies finds it changed
        assertEquals(2, (int) store.read(c -> store.mapper(c, PolicyRecords.class).revisionOf(hours.id())));
        assertEquals("the bodies are given the position as it was read", 0, (int) store.inTransaction(c -> store
                .mapper(c, PolicyRecords.class).setPositionProposal(hours.id(), 99, null, read.revision())));
        Item proposed = policy.proposePosition("town", hours.id(), new AdoptionSpec("for the budget", 7), "staff");
        assertEquals(409, assertThrows(ProblemException.class, () -> policy.change("town", hours.id(),
                item("Library hours on weekends"), "staff")).problem().status());
        assertEquals("Open on Saturday and Sunday afternoons", policy.item("town", proposed.id()).proposedPosition());
    }
}
