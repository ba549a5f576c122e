package org.civicbackbone.activities.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;

import java.util.List;
import org.civicbackbone.activities.internal.JointPlan.GroupMember;
import org.civicbackbone.activities.internal.JointPlan.GroupMemberSpec;
import org.civicbackbone.activities.internal.JointPlan.GroupRole;
import org.civicbackbone.activities.internal.JointPlan.WorkingGroup;
import org.civicbackbone.activities.internal.JointPlan.WorkingGroupSpec;
import org.civicbackbone.api.initiative.Organisation;
import org.civicbackbone.api.initiative.OrganisationSpec;
import org.civicbackbone.api.initiative.Sector;
import org.civicbackbone.api.problem.ProblemException;
import org.civicbackbone.api.problem.Violation;
import org.civicbackbone.api.store.BackboneStore;
import org.civicbackbone.testkit.InMemoryInitiatives;
import org.civicbackbone.testkit.InMemoryOrganisations;
import org.civicbackbone.testkit.RecordingAuditLog;
import org.civicbackbone.testkit.SameMoment;
import org.civicbackbone.testkit.TestStore;
import org.junit.Test;

/** Working groups through the function's rules on a real (in-memory) database, with the test kit's registry. */
public class WorkingGroupsTest {

    @Test
    public void aMemberComesFromARegisteredOrganisationAndFollowsItWhenTwoRecordsAreMerged() throws Exception {
        BackboneStore store = TestStore.inMemory();
        InMemoryOrganisations organisations = new InMemoryOrganisations();
        Organisation library = organisations.register("town", new OrganisationSpec("Riverbend Public Library",
                List.of("RPL"), List.of(Sector.PUBLIC_AGENCY)), "staff");
        AlignedActivities plan = new AlignedActivities(store, new RecordingAuditLog(store),
                InMemoryInitiatives.with("town", AlignedActivities.FUNCTION_ID), input -> { }, organisations);
        WorkingGroup group = plan.formGroup("town", new WorkingGroupSpec("Early learning", "readiness"), "staff");
        ProblemException named = assertThrows(ProblemException.class, () -> plan.formGroup("town",
                new WorkingGroupSpec("early  Learning", "again"), "staff"));
        assertEquals(List.of(new Violation("name", "names another working group already")), named.problem().violations());

        ProblemException unknown = assertThrows(ProblemException.class, () -> plan.addGroupMember("town", group.id(),
                new GroupMemberSpec("Zed", "Unknown Org Ltd", GroupRole.MEMBER), "staff"));
        assertEquals(List.of(new Violation("organisation", "'Unknown Org Ltd' is not in the initiative's organisation "
                + "registry: register it (POST .../organisations) or use one of the names or aliases there")),
                unknown.problem().violations());
        assertEquals("the alias stands for the registered name", List.of(new GroupMember("Ann", "Riverbend Public Library",
                GroupRole.CO_CHAIR)), plan.addGroupMember("town", group.id(), new GroupMemberSpec("Ann", "rpl",
                GroupRole.CO_CHAIR), "staff").members());
        ProblemException twice = assertThrows(ProblemException.class, () -> plan.addGroupMember("town", group.id(),
                new GroupMemberSpec(" ann", "RPL", GroupRole.MEMBER), "staff"));
        assertEquals("person", twice.problem().violations().get(0).field());

        // a merge points the member's row to the organisation kept, as it does an activity's owner
        Organisation duplicate = organisations.register("town", new OrganisationSpec("Library Foundation", null,
                List.of(Sector.PHILANTHROPY)), "staff");
        plan.addGroupMember("town", group.id(), new GroupMemberSpec("Ben", "Library Foundation", GroupRole.MEMBER),
                "staff");
        store.inTransaction(c -> {
            new AlignedActivitiesFunction(plan).repoint(c, "town", duplicate.id(), library.id());
            return null;
        });
        List<Long> pointed = store.read(c -> {
            try (var rows = c.createStatement().executeQuery("SELECT organisation_id FROM aa_group_member ORDER BY id")) {
                List<Long> ids = new java.util.ArrayList<>();
                while (rows.next()) {
                    ids.add(rows.getLong(1));
                }
                return ids;
            }
        });
        assertEquals(List.of(library.id(), library.id()), pointed);
        assertEquals(2, plan.workingGroups("town").get(0).members().size());
    }

    @Test
    public void eightClicksAtTheSameMomentFormOneGroup() {
        BackboneStore store = TestStore.inMemory();
        AlignedActivities plan = new AlignedActivities(store, new RecordingAuditLog(store),
                InMemoryInitiatives.with("town", AlignedActivities.FUNCTION_ID), input -> { },
                new InMemoryOrganisations());
        // spelt apart by case and spaces, so the table's own unique name cannot tell them apart: only the rule can
        List<String> spellings = List.of("Riverbend Reads", "riverbend reads", "RIVERBEND READS", " Riverbend Reads",
                "Riverbend  Reads", "riverbend Reads", "Riverbend reads", "RiverBend Reads");
        SameMoment.Outcome outcome = SameMoment.run(8, i -> plan.formGroup("town",
                new WorkingGroupSpec(spellings.get(i), "readiness"), "staff"));
        assertEquals(1, outcome.served());
        outcome.refused().forEach(refused -> assertEquals(409, refused.problem().status()));
        assertEquals(1, plan.workingGroups("town").size());
    }
}
