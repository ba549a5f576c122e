package org.civicbackbone.activities.internal;

import java.sql.Connection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.civicbackbone.activities.internal.JointPlan.Activity;
import org.civicbackbone.activities.internal.JointPlan.ActivitySpec;
import org.civicbackbone.activities.internal.JointPlan.ActivityStatus;
import org.civicbackbone.activities.internal.JointPlan.StatusSpec;
import org.civicbackbone.api.agenda.GoalRef;
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
 * The rules of the joint plan's activities: each run by an organisation of the registry, in years records may carry,
 * linked to goals the adopted agenda has (when it is known), and each partner running one activity of one title at a
 * time, since each partner's share of the plan counts its activities.
 */
record Activities(BackboneStore store, AuditLog audit, RecordEdits<PlanRecords> edits,
                  OrganisationRegistry organisations) {

    /**
     * Adds an activity run by {@code owner} (null when the registry does not know the name given); {@code goals} are
     * the adopted agenda's, or null when vision and strategy is not installed. Returns the new activity's id.
     */
    long add(String initiativeId, ActivitySpec spec, Organisation owner, List<GoalRef> goals, String actor) {
        refuseIfWrong(spec, owner, goals);
        GeneratedKey key = new GeneratedKey();
        store.inTurn(ActivitiesSchema.MODULE, initiativeId, c -> {
            Organisation held = organisations.hold(c, initiativeId, owner.id()); // not merged away meanwhile
            PlanRecords records = store.mapper(c, PlanRecords.class);
            refuseRunning(records.activities(initiativeId), held.name(), spec.title(), null);
            records.insertActivity(key, initiativeId, spec.title().strip(), spec.description(), held.name(), held.id(),
                    spec.startOn(), spec.endOn(), ActivityStatus.PLANNED, actor, Instant.now());
            spec.goalNumbers().stream().distinct().forEach(goal -> records.insertGoal(key.id(), goal));
            audit.record(c, actor, initiativeId, ActivitiesSchema.MODULE, "activity.add", "activity " + key.id() + " '"
                    + spec.title().strip() + "' by " + held.name());
            return null;
        });
        return key.id();
    }

    /**
     * Changes an activity to what {@code spec} says (plans change: a later end, another goal, a partner taking it
     * over), under the rules it was added by; the audit log says what changed. Returns whether anything did.
     */
    boolean edit(String initiativeId, Activity activity, ActivitySpec spec, Organisation owner, List<GoalRef> goals,
                 String actor) {
        refuseIfWrong(spec, owner, goals);
        List<Integer> goalNumbers = spec.goalNumbers().stream().distinct().sorted().toList();
        return edits.edit(initiativeId, actor, "activity.edit", (c, records) -> {
            Organisation held = organisations.hold(c, initiativeId, owner.id()); // not merged away meanwhile
            List<Activity> all = records.activities(initiativeId);
            // compared with the activity as it is now: an edit sent at the same moment is the "before" of this one
            Activity now = all.stream().filter(a -> a.id() == activity.id()).findFirst()
                    .orElseThrow(RecordEdits.gone("Activity '" + activity.title() + "'"));
            return new RecordEdit("activity " + activity.id(), new Changes().quoted("title", now.title(),
                    spec.title().strip())
                    .named("description", now.description(), spec.description())
                    .shown("owner", now.ownerOrganisation(), held.name())
                    .shown("goals", now.goalNumbers().stream().sorted().toList(), goalNumbers)
                    .shown("start", now.startOn(), spec.startOn()).shown("end", now.endOn(), spec.endOn()), () -> {
                        // one the partner runs already, renamed or handed over to it: counted twice
                        if (now.status().active()) {
                            refuseRunning(all, held.name(), spec.title(), activity.id());
                        }
                        records.updateActivity(activity.id(), spec.title().strip(), spec.description(), held.name(),
                                held.id(), spec.startOn(), spec.endOn());
                        records.deleteGoals(activity.id());
                        goalNumbers.forEach(goal -> records.insertGoal(activity.id(), goal));
                    });
        });
    }

    /**
     * Refuses (400, each field with its reason) an activity whose owner the registry does not know, with days records
     * cannot carry or an end before its start, or linked to goals the adopted agenda lacks.
     */
    private static void refuseIfWrong(ActivitySpec spec, Organisation owner, List<GoalRef> goals) {
        List<Violation> violations = new ArrayList<>();
        if (owner == null) {
            violations.add(new Violation("ownerOrganisation", OrganisationRegistry.unknown(spec.ownerOrganisation())));
        }
        violations.addAll(RecordDays.outsideYears("startOn", spec.startOn()));
        violations.addAll(RecordDays.outsideYears("endOn", spec.endOn()));
        if (spec.endOn() != null && spec.endOn().isBefore(spec.startOn())) {
            violations.add(new Violation("endOn", "ends before it starts (" + spec.startOn() + ")"));
        }
        if (goals != null && !goals.isEmpty()) {
            Set<Integer> known = goals.stream().map(GoalRef::number).collect(Collectors.toSet());
            for (int i = 0; i < spec.goalNumbers().size(); i++) {
                if (!known.contains(spec.goalNumbers().get(i))) {
                    violations.add(new Violation("goalNumbers[" + i + "]", "the adopted common agenda has no goal "
                            + spec.goalNumbers().get(i) + " (goals: " + known.stream().sorted().map(String::valueOf)
                            .collect(Collectors.joining(", ")) + ")"));
                }
            }
        }
        ProblemException.refuseIfAny(violations);
    }

    /** Moves an activity to a status; one taken up again must not be a second of one its partner runs meanwhile. */
    void setStatus(String initiativeId, Activity activity, StatusSpec spec, String actor) {
        edits.edit(initiativeId, actor, "activity.status", records -> {
            List<Activity> all = records.activities(initiativeId);
            // the activity as it is now: renamed, handed over or started by a request at the same moment
            Activity now = all.stream().filter(a -> a.id() == activity.id()).findFirst()
                    .orElseThrow(RecordEdits.gone("Activity '" + activity.title() + "'"));
            return new RecordEdit("activity " + activity.id(), new Changes().shown("status", now.status(),
                    spec.status()), () -> {
                        if (!now.status().active() && spec.status().active()) {
                            refuseRunning(all, now.ownerOrganisation(), now.title(), now.id());
                        }
                        records.setStatus(activity.id(), spec.status());
                    });
        });
    }

    /** Refuses (409 naming {@code title}) an activity of that title its owner runs, other than {@code self}. */
    private static void refuseRunning(List<Activity> all, String owner, String title, Long self) {
        for (Activity same : all) { // a second click; each partner's share counts it
            if (!Long.valueOf(same.id()).equals(self) && same.ownerOrganisation().equals(owner)
                    && SameName.of(same.title(), title) && same.status().active()) {
                throw new ProblemException(Problem.conflict(owner + " runs '" + same.title() + "' already "
                        + "(activity " + same.id() + ").", List.of(new Violation("title", "is activity " + same.id()))));
            }
        }
    }

    /**
     * The activity of that title (case and surrounding spaces aside) as it is in the caller's transaction, with this
     * module's turn in the initiative taken there: every change of its activities waits for that commit.
     */
    Optional<Activity> held(Connection c, String initiativeId, String title) {
        store.holdTurn(c, ActivitiesSchema.MODULE, initiativeId); // the turn RecordEdits and inTurn take
        String wanted = title == null ? "" : title.strip().toLowerCase(Locale.ROOT);
        return store.mapper(c, PlanRecords.class).activities(initiativeId).stream()
                .filter(a -> a.title().strip().toLowerCase(Locale.ROOT).equals(wanted)).findFirst();
    }
}
