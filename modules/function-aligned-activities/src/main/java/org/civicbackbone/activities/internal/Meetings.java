package org.civicbackbone.activities.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Consumer;
import org.civicbackbone.activities.internal.JointPlan.ActionItem;
import org.civicbackbone.activities.internal.JointPlan.ActionItemSpec;
import org.civicbackbone.activities.internal.JointPlan.MaterialSpec;
import org.civicbackbone.activities.internal.JointPlan.Meeting;
import org.civicbackbone.activities.internal.JointPlan.MeetingSpec;
import org.civicbackbone.activities.internal.JointPlan.MinutesSpec;
import org.civicbackbone.api.audit.AuditLog;
import org.civicbackbone.api.problem.Problem;
import org.civicbackbone.api.problem.ProblemException;
import org.civicbackbone.api.store.BackboneStore;
import org.civicbackbone.api.store.GeneratedKey;

/**
 * The rules of meetings: scheduled for the initiative or a working group, materials out before the initiative's
 * limit (late ones kept and flagged), minutes only once held, action items done once.
 */
record Meetings(BackboneStore store, AuditLog audit) {

    List<Meeting> meetings(String initiativeId, int materialsDaysBefore) {
        LocalDate today = LocalDate.now();
        return store.read(c -> store.mapper(c, PlanRecords.class).meetings(initiativeId, materialsDaysBefore, today));
    }

    Meeting meeting(String initiativeId, long id, int materialsDaysBefore) {
        return meetings(initiativeId, materialsDaysBefore).stream().filter(m -> m.id() == id).findFirst().orElseThrow(() ->
                new ProblemException(Problem.notFound("Initiative '" + initiativeId + "' has no meeting " + id + ".")));
    }

    long schedule(String initiativeId, MeetingSpec spec, String actor) {
        GeneratedKey key = new GeneratedKey();
        write(initiativeId, actor, r -> r.insertMeeting(key, initiativeId, spec.workingGroupId(), spec.title().strip(),
                spec.heldAt(), spec.agenda()), "meeting.schedule", () -> "meeting " + key.id() + " '"
                + spec.title().strip() + "' at " + spec.heldAt());
        return key.id();
    }

    void addMaterial(String initiativeId, long meetingId, MaterialSpec spec, String actor) {
        write(initiativeId, actor, r -> r.insertMaterial(meetingId, spec.title().strip(), spec.link().strip(),
                Instant.now()), "meeting.material", () -> "'" + spec.title().strip() + "' for meeting " + meetingId);
    }

    void recordMinutes(String initiativeId, Meeting meeting, MinutesSpec spec, String actor) {
        if (meeting.heldAt().isAfter(Instant.now())) {
            throw new ProblemException(Problem.conflict("Meeting " + meeting.id() + " has not been held yet ("
                    + meeting.heldAt() + ")."));
        }
        write(initiativeId, actor, r -> r.setMinutes(meeting.id(), spec.minutes()), "meeting.minutes",
                () -> "minutes of meeting " + meeting.id());
    }

    void addActionItem(String initiativeId, long meetingId, ActionItemSpec spec, String actor) {
        write(initiativeId, actor, r -> r.insertAction(meetingId, spec.description().strip(), spec.owner().strip(),
                spec.dueOn()), "meeting.action", () -> spec.owner().strip() + ": " + spec.description().strip()
                + " by " + spec.dueOn());
    }

    void completeActionItem(String initiativeId, Meeting meeting, long itemId, String actor) {
        ActionItem item = meeting.actionItems().stream().filter(a -> a.id() == itemId).findFirst().orElseThrow(() ->
                new ProblemException(Problem.notFound("Meeting " + meeting.id() + " has no action item " + itemId + ".")));
        if (item.doneOn() != null) {
            throw new ProblemException(Problem.conflict("Action item " + itemId + " was done on " + item.doneOn() + "."));
        }
        write(initiativeId, actor, r -> r.markDone(itemId, LocalDate.now()), "meeting.action.done",
                () -> "action item " + itemId);
    }

    private void write(String initiativeId, String actor, Consumer<PlanRecords> change, String action,
                       java.util.function.Supplier<String> detail) {
        store.inTransaction(c -> {
            change.accept(store.mapper(c, PlanRecords.class));
            audit.record(c, actor, initiativeId, ActivitiesSchema.MODULE, action, detail.get());
            return null;
        });
    }
}
