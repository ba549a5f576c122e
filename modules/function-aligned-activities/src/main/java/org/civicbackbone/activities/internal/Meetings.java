package org.civicbackbone.activities.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import org.civicbackbone.activities.internal.JointPlan.ActionItem;
import org.civicbackbone.activities.internal.JointPlan.ActionItemSpec;
import org.civicbackbone.activities.internal.JointPlan.MaterialSpec;
import org.civicbackbone.activities.internal.JointPlan.Meeting;
import org.civicbackbone.activities.internal.JointPlan.MeetingSpec;
import org.civicbackbone.activities.internal.JointPlan.MinutesSpec;
import org.civicbackbone.activities.internal.JointPlan.Settings;
import org.civicbackbone.api.audit.AuditLog;
import org.civicbackbone.api.audit.Changes;
import org.civicbackbone.api.audit.RecordEdit;
import org.civicbackbone.api.audit.RecordEdits;
import org.civicbackbone.api.initiative.SameName;
import org.civicbackbone.api.problem.Problem;
import org.civicbackbone.api.problem.ProblemException;
import org.civicbackbone.api.problem.RecordDays;
import org.civicbackbone.api.problem.Violation;
import org.civicbackbone.api.store.BackboneStore;
import org.civicbackbone.api.store.GeneratedKey;

/**
 * The rules of meetings: scheduled for the initiative or a working group (one meeting of either at a time), moved
 * and revised until they are held,
 * materials out before the initiative's limit (late ones kept and flagged; an address shared once), minutes only
 * once held, action items due no earlier than the day they are agreed, recorded once and done once.
 */
record Meetings(BackboneStore store, AuditLog audit, RecordEdits<PlanRecords> edits) {

    /** How many days before a meeting its materials are due where the initiative has not said. */
    static final int DEFAULT_MATERIALS_DAYS = 3;

    Settings settings(String initiativeId) {
        Integer days = store.read(c -> store.mapper(c, PlanRecords.class).materialsDaysBefore(initiativeId));
        return new Settings(days == null ? DEFAULT_MATERIALS_DAYS : days);
    }

    void setSettings(String initiativeId, Settings spec, String actor) {
        // in turn: two first settings at the same moment would each find none to update and both insert
        store.inTurn(ActivitiesSchema.MODULE, initiativeId, c -> {
            PlanRecords r = store.mapper(c, PlanRecords.class);
            if (Integer.valueOf(spec.materialsDaysBefore()).equals(r.materialsDaysBefore(initiativeId))) {
                return null; // set as it is: nothing to write or log
            }
            if (r.updateSetting(initiativeId, spec.materialsDaysBefore()) == 0) {
                r.insertSetting(initiativeId, spec.materialsDaysBefore());
            }
            audit.record(c, actor, initiativeId, ActivitiesSchema.MODULE, "settings.set", "materials due "
                    + spec.materialsDaysBefore() + " days before meetings");
            return null;
        });
    }

    List<Meeting> meetings(String initiativeId, int materialsDaysBefore) {
        Instant now = Instant.now();
        return store.read(c -> store.mapper(c, PlanRecords.class).meetings(initiativeId, materialsDaysBefore, now));
    }

    Meeting meeting(String initiativeId, long id, int materialsDaysBefore) {
        return meetings(initiativeId, materialsDaysBefore).stream().filter(m -> m.id() == id).findFirst().orElseThrow(() ->
                new ProblemException(Problem.notFound("Initiative '" + initiativeId + "' has no meeting " + id + ".")));
    }

    long schedule(String initiativeId, MeetingSpec spec, String actor) {
        ProblemException.refuseIfAny(RecordDays.outsideYears("heldAt", spec.heldAt()));
        GeneratedKey key = new GeneratedKey();
        write(initiativeId, actor, r -> {
            refuseClash(r, initiativeId, spec, null);
            r.insertMeeting(key, initiativeId, spec.workingGroupId(), spec.title().strip(), spec.heldAt(), spec.agenda());
        }, "meeting.schedule", () -> "meeting " + key.id() + " '" + spec.title().strip() + "' at " + spec.heldAt());
        return key.id();
    }

    /**
     * Changes a meeting to what {@code spec} says: moved (never onto another of the same group's), retitled, its
     * agenda revised, another group's. One whose minutes or attendance are recorded was held: it is not moved into
     * the future, and one whose attendance is recorded stays its group's (who came were that group's members).
     * Returns whether anything changed; the audit log says what.
     */
    boolean change(String initiativeId, Meeting meeting, MeetingSpec spec, String actor) {
        ProblemException.refuseIfAny(RecordDays.outsideYears("heldAt", spec.heldAt()));
        long id = meeting.id();
        return edits.edit(initiativeId, actor, "meeting.change", r -> {
            PlanRecords.MeetingRow now = r.meetingRow(initiativeId, id)
                    .orElseThrow(RecordEdits.gone("Meeting '" + meeting.title() + "'"));
            refuseUnheld(now, spec); // on the row as it is: minutes recorded at this moment count
            return new RecordEdit("meeting " + id, new Changes().shown("held at", now.heldAt(), spec.heldAt())
                    .shown("working group", now.groupId(), spec.workingGroupId())
                    .quoted("title", now.title(), spec.title().strip()).named("agenda", now.agenda(), spec.agenda()),
                    () -> {
                        refuseClash(r, initiativeId, spec, id);
                        r.updateMeeting(id, spec.workingGroupId(), spec.title().strip(), spec.heldAt(), spec.agenda());
                    });
        });
    }

    /** Refuses to move a meeting whose minutes or attendance are recorded into the future, or to another group. */
    private static void refuseUnheld(PlanRecords.MeetingRow now, MeetingSpec spec) {
        boolean attended = now.attendanceRecordedAt() != null;
        if ((now.minutes() != null || attended) && spec.heldAt().isAfter(Instant.now())) {
            String what = now.minutes() != null ? "minutes are" : "attendance is";
            throw new ProblemException(Problem.conflict("Meeting " + now.id() + " was held: its " + what
                    + " recorded.", List.of(new Violation("heldAt", "is to come, but the meeting's " + what
                    + " recorded"))));
        }
        if (attended && !Objects.equals(spec.workingGroupId(), now.groupId())) {
            throw new ProblemException(Problem.conflict("Meeting " + now.id() + " has its attendance recorded by "
                    + "its group's members.", List.of(new Violation("workingGroupId", "is another group than the one "
                    + "whose members' attendance is recorded"))));
        }
    }

    /** Refuses a meeting held when another of the same group (or of the initiative) is, other than {@code self}. */
    private static void refuseClash(PlanRecords r, String initiativeId, MeetingSpec spec, Long self) {
        for (PlanRecords.MeetingRow other : r.meetingRows(initiativeId)) {
            if (!Long.valueOf(other.id()).equals(self) && other.heldAt().equals(spec.heldAt())
                    && Objects.equals(other.groupId(), spec.workingGroupId())) { // a second click, or entered twice
                throw new ProblemException(Problem.conflict("Meeting " + other.id() + " ('" + other.title()
                        + "') is held then by the same " + (spec.workingGroupId() == null ? "initiative"
                        : "working group") + ".", List.of(new Violation("heldAt", "meeting " + other.id()
                        + " is held then"))));
            }
        }
    }

    void addMaterial(String initiativeId, Meeting meeting, MaterialSpec spec, String actor) {
        String link = spec.link().strip();
        write(initiativeId, actor, r -> {
            for (PlanRecords.MaterialRow shared : r.materialRows(initiativeId)) {
                if (shared.meetingId() == meeting.id() && shared.link().equals(link)) {
                    throw new ProblemException(Problem.conflict("'" + shared.title() + "' (material " + shared.id()
                            + ") was shared for meeting " + meeting.id() + " from this address.", List.of(
                            new Violation("link", "shared for this meeting already, as material " + shared.id()))));
                }
            }
            r.insertMaterial(meeting.id(), spec.title().strip(), link, Instant.now());
        }, "meeting.material", () -> "'" + spec.title().strip() + "' for meeting " + meeting.id());
    }

    void recordMinutes(String initiativeId, Meeting meeting, MinutesSpec spec, String actor) {
        write(initiativeId, actor, r -> {
            Instant heldAt = heldAt(r, initiativeId, meeting); // one moved into the future at this moment is to come
            if (heldAt.isAfter(Instant.now())) {
                throw new ProblemException(Problem.conflict("Meeting " + meeting.id() + " has not been held yet ("
                        + heldAt + ")."));
            }
            r.setMinutes(meeting.id(), spec.minutes());
        }, "meeting.minutes", () -> "minutes of meeting " + meeting.id());
    }

    void addActionItem(String initiativeId, Meeting meeting, ActionItemSpec spec, String actor) {
        ProblemException.refuseIfAny(RecordDays.outsideYears("dueOn", spec.dueOn()));
        long meetingId = meeting.id();
        write(initiativeId, actor, r -> {
            refuseEarly(heldAt(r, initiativeId, meeting), spec);
            refuseRecorded(r, initiativeId, meetingId, spec, null);
            r.insertAction(meetingId, spec.description().strip(), spec.owner().strip(), spec.dueOn());
        }, "meeting.action", () -> spec.owner().strip() + ": " + spec.description().strip() + " by " + spec.dueOn());
    }

    /**
     * Changes an open action item (another owner, a later day, clearer words) under the rules it was agreed by; one
     * done is settled (409). Returns whether anything changed; the audit log says what.
     */
    boolean changeActionItem(String initiativeId, Meeting meeting, long itemId, ActionItemSpec spec, String actor) {
        ActionItem item = actionItem(meeting, itemId);
        if (item.doneOn() != null) {
            throw new ProblemException(Problem.conflict("Action item " + itemId + " was done on " + item.doneOn() + "."));
        }
        ProblemException.refuseIfAny(RecordDays.outsideYears("dueOn", spec.dueOn()));
        return edits.edit(initiativeId, actor, "meeting.action.change", r -> {
            refuseEarly(heldAt(r, initiativeId, meeting), spec);
            PlanRecords.ActionRow now = r.actionRows(initiativeId).stream().filter(a -> a.id() == itemId).findFirst()
                    .orElseThrow(RecordEdits.gone("Action item " + itemId));
            return new RecordEdit("action item " + itemId, new Changes()
                    .named("description", now.description(), spec.description().strip())
                    .shown("owner", now.owner(), spec.owner().strip()).shown("due", now.dueOn(), spec.dueOn()), () -> {
                        refuseRecorded(r, initiativeId, meeting.id(), spec, itemId);
                        if (r.updateAction(itemId, spec.description().strip(), spec.owner().strip(),
                                spec.dueOn()) == 0) {
                            throw new ProblemException(Problem.conflict("Action item " + itemId
                                    + " was done meanwhile."));
                        }
                    });
        });
    }

    /**
     * Refuses a due day before the item is agreed: a held meeting's day (its earliest anywhere, so in every time
     * zone), or today for a meeting to come (a task to prepare it may fall before it; a day's leeway).
     */
    private static void refuseEarly(Instant heldAt, ActionItemSpec spec) {
        boolean held = !heldAt.isAfter(Instant.now());
        LocalDate earliest = held ? LocalDate.ofInstant(heldAt, ZoneOffset.MIN) : RecordDays.earliestToday();
        if (spec.dueOn().isBefore(earliest)) {
            throw ProblemException.invalid("dueOn", held ? "is before the meeting it comes from (held "
                    + heldAt + ")" : "has passed; an action for a meeting to come is due from today on");
        }
    }

    /** When the meeting is held as it is now, read in the module's turn: a move at this moment counts. */
    private static Instant heldAt(PlanRecords r, String initiativeId, Meeting meeting) {
        return r.meetingRow(initiativeId, meeting.id()).orElseThrow(RecordEdits.gone("Meeting '" + meeting.title()
                + "'")).heldAt();
    }

    /** Refuses an item of the meeting, other than {@code self}, with the same description and owner. */
    private static void refuseRecorded(PlanRecords r, String initiativeId, long meetingId, ActionItemSpec spec,
                                       Long self) {
        for (PlanRecords.ActionRow agreed : r.actionRows(initiativeId)) {
            if (agreed.meetingId() == meetingId && !Long.valueOf(agreed.id()).equals(self)
                    && SameName.of(agreed.description(), spec.description()) && SameName.of(agreed.owner(), spec.owner())) {
                throw new ProblemException(Problem.conflict("Action item " + agreed.id() + " of meeting "
                        + meetingId + " is this one.", List.of(new Violation("description",
                        "recorded for " + agreed.owner() + " already, as action item " + agreed.id()))));
            }
        }
    }

    private static ActionItem actionItem(Meeting meeting, long itemId) {
        return meeting.actionItems().stream().filter(a -> a.id() == itemId).findFirst().orElseThrow(() ->
                new ProblemException(Problem.notFound("Meeting " + meeting.id() + " has no action item " + itemId + ".")));
    }

    void completeActionItem(String initiativeId, Meeting meeting, long itemId, String actor) {
        ActionItem item = actionItem(meeting, itemId);
        write(initiativeId, actor, r -> {
            if (r.markDone(itemId, LocalDate.now()) == 0) { // done already, maybe by a second click a moment ago
                throw new ProblemException(Problem.conflict("Action item " + itemId + " is done already"
                        + (item.doneOn() == null ? "." : " (on " + item.doneOn() + ").")));
            }
        }, "meeting.action.done", () -> "action item " + itemId);
    }

    private void write(String initiativeId, String actor, Consumer<PlanRecords> change, String action,
                       java.util.function.Supplier<String> detail) {
        store.inTurn(ActivitiesSchema.MODULE, initiativeId, c -> {
            // each rule reads the rows it guards in here, one writer at a time, so a second click is caught
            change.accept(store.mapper(c, PlanRecords.class));
            audit.record(c, actor, initiativeId, ActivitiesSchema.MODULE, action, detail.get());
            return null;
        });
    }
}
