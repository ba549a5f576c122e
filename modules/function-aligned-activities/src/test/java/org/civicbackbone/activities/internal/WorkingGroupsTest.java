package org.civicbackbone.activities.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;

import java.util.List;
import org.civicbackbone.activities.internal.JointPlan.GroupMember;
import org.civicbackbone.activities.internal.JointPlan.GroupMemberSpec;
import org.civicbackbone.activities.internal.JointPlan.GroupRole;
import org.civicbackbone.activities.internal.JointPlan.MemberRoleSpec;
import org.civicbackbone.activities.internal.JointPlan.WorkingGroup;
import org.civicbackbone.activities.internal.JointPlan.WorkingGroupSpec;
import org.civicbackbone.api.initiative.Organisation;
import org.civicbackbone.api.initiative.OrganisationSpec;
import org.civicbackbone.api.initiative.Sector;
import org.civicbackbone.api.problem.ProblemException;
import org.civicbackbone.api.problem.Violation;
import org.civicbackbone.api.store.BackboneStore;
import org.civicbackbone.testkit.InMemoryOrganisations;
import org.civicbackbone.testkit.RecordingAuditLog;
import org.civicbackbone.testkit.SameMoment;
import org.junit.Test;

/** Working groups through the function's rules on a real (in-memory) database, with the test kit's registry. */
public class WorkingGroupsTest {

    @Test
    public void aMemberComesFromARegisteredOrganisationAndFollowsItWhenTwoRecordsAreMerged() throws Exception {
        TownPlan town = TownPlan.with();
        BackboneStore store = town.store();
        InMemoryOrganisations organisations = town.organisations();
        Organisation library = organisations.register("town", new OrganisationSpec("Riverbend Public Library",
                List.of("RPL"), List.of(Sector.PUBLIC_AGENCY)), "staff");
        AlignedActivities plan = town.plan();
        WorkingGroup group = plan.formGroup("town", new WorkingGroupSpec("Early learning", "readiness"), "staff");
        ProblemException named = assertThrows(ProblemException.class, () -> plan.formGroup("town",
                new WorkingGroupSpec("early  Learning", "again"), "staff"));
        assertEquals(List.of(new Violation("name", "names another working group already")), named.problem().violations());

        ProblemException unknown = assertThrows(ProblemException.class, () -> plan.addGroupMember("town", group.id(),
                new GroupMemberSpec("Zed", "Unknown Org Ltd", GroupRole.MEMBER), "staff"));
        assertEquals(List.of(new Violation("organisation", "'Unknown Org Ltd' is not in the initiative's organisation "
                + "registry: register it (POST .../organisations) or use one of the names or aliases there")),
                unknown.problem().violations());
        List<GroupMember> ann = plan.addGroupMember("town", group.id(), new GroupMemberSpec("Ann", "rpl",
                GroupRole.CO_CHAIR), "staff").members();
        assertEquals("the alias stands for the registered name", List.of(new GroupMember(ann.get(0).id(), "Ann",
                "Riverbend Public Library", GroupRole.CO_CHAIR)), ann);
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
        AlignedActivities plan = TownPlan.with().plan();
        // spelt apart by case and spaces, so the table's own unique name cannot tell them apart: only the rule can
        List<String> spellings = List.of("Riverbend Reads", "riverbend reads", "RIVERBEND READS", " Riverbend Reads",
                "Riverbend  Reads", "riverbend Reads", "Riverbend reads", "RiverBend Reads");
        SameMoment.Outcome outcome = SameMoment.run(8, i -> plan.formGroup("town",
                new WorkingGroupSpec(spellings.get(i), "readiness"), "staff"));
        assertEquals(1, outcome.served());
        outcome.refused().forEach(refused -> assertEquals(409, refused.problem().status()));
        assertEquals(1, plan.workingGroups("town").size());
    }

    /** Co-chairs rotate and members leave: each change is the group's from then on, and the audit log keeps it. */
    @Test
    public void aMembersRoleChangesAndAMemberLeaves() {
        TownPlan town = TownPlan.with("Library", "Head Start");
        AlignedActivities plan = town.plan();
        RecordingAuditLog audit = town.audit();
        WorkingGroup group = plan.formGroup("town", new WorkingGroupSpec("Early learning", "readiness"), "staff");
        WorkingGroup other = plan.formGroup("town", new WorkingGroupSpec("Attendance", null), "staff");
        plan.addGroupMember("town", group.id(), new GroupMemberSpec("Ann", "Library", GroupRole.CO_CHAIR), "staff");
        List<GroupMember> members = plan.addGroupMember("town", group.id(), new GroupMemberSpec("Ben", "Head Start",
                GroupRole.MEMBER), "staff").members();
        long annId = members.get(0).id();
        long benId = members.get(1).id();

        WorkingGroup rotated = plan.changeMemberRole("town", group.id(), benId, new MemberRoleSpec(GroupRole.CO_CHAIR),
                "chair");
        assertEquals(List.of(GroupRole.CO_CHAIR, GroupRole.CO_CHAIR), rotated.members().stream().map(GroupMember::role)
                .toList());
        WorkingGroup left = plan.removeGroupMember("town", group.id(), annId, "chair");
        assertEquals(List.of(new GroupMember(benId, "Ben", "Head Start", GroupRole.CO_CHAIR)), left.members());
        assertEquals(left, plan.workingGroup("town", group.id()));
        assertEquals(List.of("Ann (CO_CHAIR) leaves 'Early learning'", "Ben in 'Early learning': MEMBER to CO_CHAIR"),
                audit.recent("town", 2).stream().map(e -> e.detail()).toList());

        int recorded = audit.actions().size();
        plan.changeMemberRole("town", group.id(), benId, new MemberRoleSpec(GroupRole.CO_CHAIR), "chair");
        assertEquals("the role it has already: nothing recorded", recorded, audit.actions().size());
        // a membership is found in its own group only, and once ended it is gone
        assertEquals(404, assertThrows(ProblemException.class, () -> plan.removeGroupMember("town", other.id(), benId,
                "chair")).problem().status());
        assertEquals(404, assertThrows(ProblemException.class, () -> plan.changeMemberRole("town", group.id(), annId,
                new MemberRoleSpec(GroupRole.MEMBER), "chair")).problem().status());
        assertEquals(1, plan.workingGroup("town", group.id()).members().size());
        // renamed, its purpose restated; its name stays its own
        assertEquals("Early years", plan.changeGroup("town", group.id(), new WorkingGroupSpec(" Early years ",
                "readiness, birth to five"), "chair").name());
        assertEquals("working group " + group.id() + ": name 'Early learning' to 'Early years'; purpose",
                audit.recent("town", 1).get(0).detail());
        assertEquals(List.of(new Violation("name", "names another working group already")), assertThrows(
                ProblemException.class, () -> plan.changeGroup("town", group.id(), new WorkingGroupSpec("attendance",
                        null), "chair")).problem().violations());
        // she may join again later, as a new membership
        assertEquals(2, plan.addGroupMember("town", group.id(), new GroupMemberSpec("Ann", "Library",
                GroupRole.MEMBER), "staff").members().size());
    }
}
