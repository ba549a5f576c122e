package org.civicbackbone.activities.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;

import java.time.LocalDate;
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
                new GroupMemberSpec("Zed", "Unknown Org Ltd", GroupRole.MEMBER, null), "staff"));
        assertEquals(List.of(new Violation("organisation", "'Unknown Org Ltd' is not in the initiative's organisation "
                + "registry: register it (POST .../organisations) or use one of the names or aliases there")),
                unknown.problem().violations());
        List<GroupMember> ann = plan.addGroupMember("town", group.id(), new GroupMemberSpec("Ann", "rpl",
                GroupRole.CO_CHAIR, null), "staff").members();
        assertEquals("the alias stands for the registered name", List.of(new GroupMember(ann.get(0).id(), "Ann",
                "Riverbend Public Library", GroupRole.CO_CHAIR, LocalDate.now(), null)), ann);
        ProblemException twice = assertThrows(ProblemException.class, () -> plan.addGroupMember("town", group.id(),
                new GroupMemberSpec(" ann", "RPL", GroupRole.MEMBER, null), "staff"));
        assertEquals("person", twice.problem().violations().get(0).field());

        // a merge points the member's row to the organisation kept, as it does an activity's owner
        Organisation duplicate = organisations.register("town", new OrganisationSpec("Library Foundation", null,
                List.of(Sector.PHILANTHROPY)), "staff");
        plan.addGroupMember("town", group.id(), new GroupMemberSpec("Ben", "Library Foundation", GroupRole.MEMBER, null),
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
        plan.addGroupMember("town", group.id(), new GroupMemberSpec("Ann", "Library", GroupRole.CO_CHAIR, null), "staff");
        List<GroupMember> members = plan.addGroupMember("town", group.id(), new GroupMemberSpec("Ben", "Head Start",
                GroupRole.MEMBER, null), "staff").members();
        long annId = members.get(0).id();
        long benId = members.get(1).id();

        WorkingGroup rotated = plan.changeMemberRole("town", group.id(), benId, new MemberRoleSpec(GroupRole.CO_CHAIR),
                "chair");
        assertEquals(List.of(GroupRole.CO_CHAIR, GroupRole.CO_CHAIR), rotated.members().stream().map(GroupMember::role)
                .toList());
        WorkingGroup left = plan.endGroupMembership("town", group.id(), annId, null, "chair");
        assertEquals(List.of(new GroupMember(benId, "Ben", "Head Start", GroupRole.CO_CHAIR, LocalDate.now(), null)),
                left.members());
        assertEquals("she is a former member, with her days", List.of(new GroupMember(annId, "Ann", "Library",
                GroupRole.CO_CHAIR, LocalDate.now(), LocalDate.now())), left.formerMembers());
        assertEquals(left, plan.workingGroup("town", group.id()));
        assertEquals(List.of("Ann (CO_CHAIR) leaves 'Early learning' on " + LocalDate.now(),
                        "Ben in 'Early learning': role MEMBER to CO_CHAIR"),
                audit.recent("town", 2).stream().map(e -> e.detail()).toList());

        int recorded = audit.actions().size();
        plan.changeMemberRole("town", group.id(), benId, new MemberRoleSpec(GroupRole.CO_CHAIR), "chair");
        assertEquals("the role it has already: nothing recorded", recorded, audit.actions().size());
        // a membership is found in its own group only, and once ended it is over: on record, but not to change
        assertEquals(404, assertThrows(ProblemException.class, () -> plan.endGroupMembership("town", other.id(), benId,
                null, "chair")).problem().status());
        assertEquals(409, assertThrows(ProblemException.class, () -> plan.changeMemberRole("town", group.id(), annId,
                new MemberRoleSpec(GroupRole.MEMBER), "chair")).problem().status());
        assertEquals(409, assertThrows(ProblemException.class, () -> plan.endGroupMembership("town", group.id(), annId,
                null, "chair")).problem().status());
        assertEquals(1, plan.workingGroup("town", group.id()).members().size());
        // renamed, its purpose restated; its name stays its own
        assertEquals("Early years", plan.changeGroup("town", group.id(), new WorkingGroupSpec(" Early years ",
                "readiness, birth to five"), "chair").name());
        assertEquals("working group " + group.id() + ": name 'Early learning' to 'Early years'; purpose",
                audit.recent("town", 1).get(0).detail());
        assertEquals(List.of(new Violation("name", "names another working group already")), assertThrows(
                ProblemException.class, () -> plan.changeGroup("town", group.id(), new WorkingGroupSpec("attendance",
                        null), "chair")).problem().violations());
        // she may join again later, as a new membership; the one that ended stays on record
        WorkingGroup back = plan.addGroupMember("town", group.id(), new GroupMemberSpec("Ann", "Library",
                GroupRole.MEMBER, null), "staff");
        assertEquals(2, back.members().size());
        assertEquals(1, back.formerMembers().size());
    }

    /**
     * A membership keeps its days: joined and left on days given (or today), neither in the future, the end not
     * before the start, a return not before the last departure. The export lists every membership with its days.
     */
    @Test
    public void aGroupKeepsWhoWasInItAndWhen() {
        TownPlan town = TownPlan.with("Library", "Head Start");
        AlignedActivities plan = town.plan();
        WorkingGroup group = plan.formGroup("town", new WorkingGroupSpec("Early learning", "readiness"), "staff");
        LocalDate march = LocalDate.of(2025, 3, 3);
        assertEquals(List.of(new Violation("joinedOn", "is after today: add a member once they have joined")),
                assertThrows(ProblemException.class, () -> plan.addGroupMember("town", group.id(), new GroupMemberSpec(
                        "Ann", "Library", GroupRole.CO_CHAIR, LocalDate.now().plusDays(7)), "staff")).problem().violations());
        assertEquals("joinedOn", assertThrows(ProblemException.class, () -> plan.addGroupMember("town", group.id(),
                new GroupMemberSpec("Ann", "Library", GroupRole.CO_CHAIR, LocalDate.of(1025, 3, 3)), "staff"))
                .problem().violations().get(0).field());
        long ann = plan.addGroupMember("town", group.id(), new GroupMemberSpec("Ann", "Library", GroupRole.CO_CHAIR,
                march), "staff").members().get(0).id();
        assertEquals(List.of(new Violation("leftOn", "falls before 2025-03-03, when Ann joined")), assertThrows(
                ProblemException.class, () -> plan.endGroupMembership("town", group.id(), ann, march.minusDays(1),
                        "staff")).problem().violations());
        assertEquals("leftOn", assertThrows(ProblemException.class, () -> plan.endGroupMembership("town", group.id(),
                ann, LocalDate.now().plusDays(7), "staff")).problem().violations().get(0).field());
        assertEquals("refused: she is still in it", 1, plan.workingGroup("town", group.id()).members().size());

        LocalDate june = LocalDate.of(2025, 6, 30);
        WorkingGroup after = plan.endGroupMembership("town", group.id(), ann, june, "staff");
        assertEquals(List.of(), after.members());
        assertEquals(List.of(new GroupMember(ann, "Ann", "Library", GroupRole.CO_CHAIR, march, june)),
                after.formerMembers());
        assertEquals(List.of(new Violation("joinedOn", "falls before 2025-06-30, when Ann left 'Early learning'")),
                assertThrows(ProblemException.class, () -> plan.addGroupMember("town", group.id(), new GroupMemberSpec(
                        "Ann", "Library", GroupRole.MEMBER, june.minusDays(1)), "staff")).problem().violations());
        plan.addGroupMember("town", group.id(), new GroupMemberSpec("Ann", "Library", GroupRole.MEMBER,
                LocalDate.of(2026, 1, 12)), "staff");
        plan.addGroupMember("town", group.id(), new GroupMemberSpec("Ben", "Head Start", GroupRole.CO_CHAIR, march),
                "staff");
        long benId = plan.workingGroup("town", group.id()).members().get(1).id();
        plan.endGroupMembership("town", group.id(), benId, LocalDate.of(2026, 2, 1), "staff");

        WorkingGroup now = plan.workingGroup("town", group.id());
        assertEquals("the latest departure first", List.of("Ben", "Ann"), now.formerMembers().stream()
                .map(GroupMember::person).toList());
        assertEquals(List.of("group,name,purpose,person,organisation,role,joined_on,left_on",
                group.id() + ",Early learning,readiness,Ann,Library,MEMBER,2026-01-12,",
                group.id() + ",Early learning,readiness,Ben,Head Start,CO_CHAIR,2025-03-03,2026-02-01",
                group.id() + ",Early learning,readiness,Ann,Library,CO_CHAIR,2025-03-03,2025-06-30"),
                PlanReports.workingGroups(List.of(now)).lines().toList());
    }
}
