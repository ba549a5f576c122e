package org.civicbackbone.activities.internal;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.function.ToIntFunction;
import org.civicbackbone.activities.internal.JointPlan.GroupMember;
import org.civicbackbone.activities.internal.JointPlan.GroupMemberSpec;
import org.civicbackbone.activities.internal.JointPlan.MemberRoleSpec;
import org.civicbackbone.activities.internal.JointPlan.WorkingGroup;
import org.civicbackbone.activities.internal.JointPlan.WorkingGroupSpec;
import org.civicbackbone.activities.internal.PlanRecords.MemberRow;
import org.civicbackbone.api.audit.AuditLog;
import org.civicbackbone.api.audit.Changes;
import org.civicbackbone.api.audit.RecordEdit;
import org.civicbackbone.api.audit.RecordEdits;
import org.civicbackbone.api.initiative.Organisation;
import org.civicbackbone.api.initiative.OrganisationRegistry;
import org.civicbackbone.api.initiative.SameName;
import org.civicbackbone.api.problem.Problem;
import org.civicbackbone.api.problem.ProblemException;
import org.civicbackbone.api.problem.RecordDays;
import org.civicbackbone.api.problem.Violation;
import org.civicbackbone.api.store.BackboneStore;
import org.civicbackbone.api.store.GeneratedKey;

/**
 * The rules of working groups: one name per initiative, each person in a group once at a time, each member from an
 * organisation of the registry; roles change and members leave, each change in the audit log. A membership that ends
 * is kept with its days, so a group's history (who chaired it, who worked in it when) stays known.
 */
record WorkingGroups(BackboneStore store, AuditLog audit, RecordEdits<PlanRecords> edits,
                     OrganisationRegistry organisations) {

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
        edits.edit(initiativeId, actor, "group.change", records -> {
            PlanRecords.GroupRow now = records.groupRows(initiativeId).stream().filter(g -> g.id() == groupId)
                    .findFirst().orElseThrow(RecordEdits.gone("Working group '" + group.name() + "'"));
            return new RecordEdit("working group " + groupId, new Changes().quoted("name", now.name(), name)
                    .named("purpose", now.purpose(), spec.purpose()), () -> {
                        refuseNamesake(records, initiativeId, name, groupId);
                        records.updateGroup(groupId, name, spec.purpose());
                    });
        });
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

    /**
     * Adds a member, who joined on the day given (today when none is): not after today, and for someone who was in
     * the group before, not before that membership ended (409 naming {@code joinedOn}).
     */
    WorkingGroup addMember(String initiativeId, long groupId, GroupMemberSpec spec, String actor) {
        LocalDate joinedOn = spec.joinedOn() == null ? LocalDate.now() : spec.joinedOn();
        ProblemException.refuseIfAny(RecordDays.outsideYears("joinedOn", joinedOn));
        if (joinedOn.isAfter(RecordDays.latestToday())) {
            throw ProblemException.invalid("joinedOn", "is after today: add a member once they have joined");
        }
        WorkingGroup group = one(initiativeId, groupId);
        String person = spec.person().strip();
        Organisation organisation = organisations.registered(initiativeId, "organisation", spec.organisation());
        store.inTurn(ActivitiesSchema.MODULE, initiativeId, c -> {
            PlanRecords records = store.mapper(c, PlanRecords.class);
            // read in the writing transaction, under its lock, as the group's name is
            List<MemberRow> earlier = records.memberRows(initiativeId).stream()
                    .filter(m -> m.groupId() == groupId && SameName.of(m.person(), person)).toList();
            if (earlier.stream().anyMatch(m -> m.leftOn() == null)) {
                throw new ProblemException(Problem.conflict(person + " is already in '" + group.name() + "'.",
                        List.of(new Violation("person", "already in '" + group.name() + "'"))));
            }
            earlier.stream().map(MemberRow::leftOn).filter(joinedOn::isBefore).max(Comparator.naturalOrder())
                    .ifPresent(left -> {
                        throw new ProblemException(Problem.conflict(person + " was in '" + group.name() + "' until "
                                + left + ".", List.of(new Violation("joinedOn", "falls before " + left + ", when "
                                + person + " left '" + group.name() + "'"))));
                    });
            Organisation held = organisations.hold(c, initiativeId, organisation.id()); // not merged away meanwhile
            records.insertMember(groupId, person, held.name(), held.id(), spec.role(), joinedOn);
            audit.record(c, actor, initiativeId, ActivitiesSchema.MODULE, "group.member", person + " joins '"
                    + group.name() + "' as " + spec.role() + " on " + joinedOn);
            return null;
        });
        return one(initiativeId, groupId);
    }

    /** Gives a member another role in their group: co-chairs rotate. */
    WorkingGroup changeRole(String initiativeId, long groupId, long memberId, MemberRoleSpec spec, String actor) {
        WorkingGroup group = one(initiativeId, groupId);
        GroupMember member = member(group, memberId);
        edits.edit(initiativeId, actor, "group.role", records -> {
            // the membership as it is now: the same rotation sent twice at one moment is made once
            MemberRow now = records.memberRows(initiativeId).stream().filter(m -> m.id() == memberId).findFirst()
                    .orElseThrow(RecordEdits.gone("Member " + memberId));
            return new RecordEdit(member.person() + " in '" + group.name() + "'", new Changes().shown("role",
                    now.groupRole(), spec.role()), () -> {
                        if (now.leftOn() != null || records.setMemberRole(memberId, spec.role()) == 0) {
                            throw new ProblemException(Problem.conflict("That membership has ended meanwhile."));
                        }
                    });
        });
        return one(initiativeId, groupId);
    }

    /**
     * Ends a membership on the day given (today when none is): the person leaves the group and is listed among its
     * former members. The day is not after today, nor before they joined (400 naming {@code leftOn}).
     */
    WorkingGroup endMembership(String initiativeId, long groupId, long memberId, LocalDate day, String actor) {
        LocalDate leftOn = day == null ? LocalDate.now() : day;
        ProblemException.refuseIfAny(RecordDays.outsideYears("leftOn", leftOn));
        if (leftOn.isAfter(RecordDays.latestToday())) {
            throw ProblemException.invalid("leftOn", "is after today: a member leaves on the day they leave");
        }
        WorkingGroup group = one(initiativeId, groupId);
        GroupMember member = member(group, memberId);
        if (member.joinedOn() != null && leftOn.isBefore(member.joinedOn())) {
            throw ProblemException.invalid("leftOn", "falls before " + member.joinedOn() + ", when " + member.person()
                    + " joined");
        }
        write(initiativeId, actor, "group.leave", member.person() + " (" + member.role() + ") leaves '" + group.name()
                + "' on " + leftOn, records -> records.endMember(memberId, leftOn));
        return one(initiativeId, groupId);
    }

    /** A membership that lasts: 404 for none, 409 for one that has ended (it stays on record, but is over). */
    private static GroupMember member(WorkingGroup group, long memberId) {
        return group.members().stream().filter(m -> m.id() == memberId).findFirst().orElseThrow(() ->
                group.formerMembers().stream().filter(m -> m.id() == memberId).findFirst()
                        .map(m -> new ProblemException(Problem.conflict(m.person() + " left '" + group.name() + "' on "
                                + m.leftOn() + "; add them again if they rejoin.")))
                        .orElseGet(() -> new ProblemException(Problem.notFound("Working group '" + group.name()
                                + "' has no member " + memberId + "."))));
    }

    /** One change of a membership with its audit entry, in one transaction; refused when it ended meanwhile. */
    private void write(String initiativeId, String actor, String action, String detail,
                       ToIntFunction<PlanRecords> change) {
        store.inTransaction(c -> {
            if (change.applyAsInt(store.mapper(c, PlanRecords.class)) == 0) {
                throw new ProblemException(Problem.conflict("That membership has ended meanwhile."));
            }
            audit.record(c, actor, initiativeId, ActivitiesSchema.MODULE, action, detail);
            return null;
        });
    }
}
