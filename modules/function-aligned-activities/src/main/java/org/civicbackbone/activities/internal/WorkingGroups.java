package org.civicbackbone.activities.internal;

import java.util.List;
import java.util.function.ToIntFunction;
import org.civicbackbone.activities.internal.JointPlan.GroupMember;
import org.civicbackbone.activities.internal.JointPlan.GroupMemberSpec;
import org.civicbackbone.activities.internal.JointPlan.MemberRoleSpec;
import org.civicbackbone.activities.internal.JointPlan.WorkingGroup;
import org.civicbackbone.activities.internal.JointPlan.WorkingGroupSpec;
import org.civicbackbone.api.audit.AuditLog;
import org.civicbackbone.api.audit.Changes;
import org.civicbackbone.api.initiative.Organisation;
import org.civicbackbone.api.initiative.OrganisationRegistry;
import org.civicbackbone.api.initiative.SameName;
import org.civicbackbone.api.problem.Problem;
import org.civicbackbone.api.problem.ProblemException;
import org.civicbackbone.api.problem.Violation;
import org.civicbackbone.api.store.BackboneStore;
import org.civicbackbone.api.store.GeneratedKey;

/**
 * The rules of working groups: one name per initiative, each person once in a group, each member from an
 * organisation of the registry; roles change and members leave, each change in the audit log.
 */
record WorkingGroups(BackboneStore store, AuditLog audit, OrganisationRegistry organisations) {

    List<WorkingGroup> all(String initiativeId) {
        return store.read(c -> store.mapper(c, PlanRecords.class).workingGroups(initiativeId));
    }

    WorkingGroup one(String initiativeId, long id) {
        return all(initiativeId).stream().filter(g -> g.id() == id).findFirst().orElseThrow(() ->
                new ProblemException(Problem.notFound("Initiative '" + initiativeId + "' has no working group " + id + ".")));
    }

    WorkingGroup form(String initiativeId, WorkingGroupSpec spec, String actor) {
        String name = spec.name().strip();
        GeneratedKey key = new GeneratedKey();
        store.inTurn(ActivitiesSchema.MODULE, initiativeId, c -> {
            PlanRecords records = store.mapper(c, PlanRecords.class);
            refuseNamesake(records, initiativeId, name, null);
            records.insertGroup(key, initiativeId, name, spec.purpose());
            audit.record(c, actor, initiativeId, ActivitiesSchema.MODULE, "group.form", "working group " + key.id()
                    + " '" + name + "'");
            return null;
        });
        return one(initiativeId, key.id());
    }

    /** Renames a group or restates its purpose; its name stays its own in the initiative. */
    WorkingGroup change(String initiativeId, long groupId, WorkingGroupSpec spec, String actor) {
        WorkingGroup group = one(initiativeId, groupId);
        String name = spec.name().strip();
        Changes changes = new Changes().quoted("name", group.name(), name).named("purpose", group.purpose(),
                spec.purpose());
        if (!changes.none()) {
            store.inTurn(ActivitiesSchema.MODULE, initiativeId, c -> {
                PlanRecords records = store.mapper(c, PlanRecords.class);
                refuseNamesake(records, initiativeId, name, groupId);
                records.updateGroup(groupId, name, spec.purpose());
                audit.record(c, actor, initiativeId, ActivitiesSchema.MODULE, "group.change", "working group "
                        + groupId + ": " + changes);
                return null;
            });
        }
        return one(initiativeId, groupId);
    }

    /** Refuses (409 naming {@code name}) a name another group than {@code self} has; read under the module's turn. */
    private static void refuseNamesake(PlanRecords records, String initiativeId, String name, Long self) {
        if (records.groupRows(initiativeId).stream().anyMatch(g -> !Long.valueOf(g.id()).equals(self)
                && SameName.of(g.name(), name))) {
            throw new ProblemException(Problem.conflict("Initiative '" + initiativeId
                    + "' already has a working group named '" + name + "'.", List.of(new Violation("name",
                    "names another working group already"))));
        }
    }

    WorkingGroup addMember(String initiativeId, long groupId, GroupMemberSpec spec, String actor) {
        WorkingGroup group = one(initiativeId, groupId);
        String person = spec.person().strip();
        Organisation organisation = organisations.registered(initiativeId, "organisation", spec.organisation());
        store.inTurn(ActivitiesSchema.MODULE, initiativeId, c -> {
            PlanRecords records = store.mapper(c, PlanRecords.class);
            // read in the writing transaction, under its lock, as the group's name is
            if (records.memberRows(initiativeId).stream()
                    .anyMatch(m -> m.groupId() == groupId && SameName.of(m.person(), person))) {
                throw new ProblemException(Problem.conflict(person + " is already in '" + group.name() + "'.",
                        List.of(new Violation("person", "already in '" + group.name() + "'"))));
            }
            records.insertMember(groupId, person, organisation.name(), organisation.id(), spec.role());
            audit.record(c, actor, initiativeId, ActivitiesSchema.MODULE, "group.member", person + " joins '"
                    + group.name() + "' as " + spec.role());
            return null;
        });
        return one(initiativeId, groupId);
    }

    /** Gives a member another role in their group: co-chairs rotate. */
    WorkingGroup changeRole(String initiativeId, long groupId, long memberId, MemberRoleSpec spec, String actor) {
        WorkingGroup group = one(initiativeId, groupId);
        GroupMember member = member(group, memberId);
        if (member.role() != spec.role()) {
            write(initiativeId, actor, "group.role", member.person() + " in '" + group.name() + "': " + member.role()
                    + " to " + spec.role(), records -> records.setMemberRole(memberId, spec.role()));
        }
        return one(initiativeId, groupId);
    }

    /** Ends a membership: the person leaves the group (the audit log keeps that they were in it). */
    WorkingGroup removeMember(String initiativeId, long groupId, long memberId, String actor) {
        WorkingGroup group = one(initiativeId, groupId);
        GroupMember member = member(group, memberId);
        write(initiativeId, actor, "group.leave", member.person() + " (" + member.role() + ") leaves '" + group.name()
                + "'", records -> records.deleteMember(memberId));
        return one(initiativeId, groupId);
    }

    private static GroupMember member(WorkingGroup group, long memberId) {
        return group.members().stream().filter(m -> m.id() == memberId).findFirst().orElseThrow(() ->
                new ProblemException(Problem.notFound("Working group '" + group.name() + "' has no member " + memberId
                        + ".")));
    }

    /** One change of a membership with its audit entry, in one transaction; refused when it was ended meanwhile. */
    private void write(String initiativeId, String actor, String action, String detail,
                       ToIntFunction<PlanRecords> change) {
        store.inTransaction(c -> {
            if (change.applyAsInt(store.mapper(c, PlanRecords.class)) == 0) {
                throw new ProblemException(Problem.notFound("That membership has ended meanwhile."));
            }
            audit.record(c, actor, initiativeId, ActivitiesSchema.MODULE, action, detail);
            return null;
        });
    }
}
