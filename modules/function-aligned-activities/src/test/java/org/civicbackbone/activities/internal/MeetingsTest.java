package org.civicbackbone.activities.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertThrows;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.civicbackbone.activities.internal.JointPlan.ActionItemSpec;
import org.civicbackbone.activities.internal.JointPlan.MaterialSpec;
import org.civicbackbone.activities.internal.JointPlan.Meeting;
import org.civicbackbone.activities.internal.JointPlan.MeetingSpec;
import org.civicbackbone.activities.internal.JointPlan.MinutesSpec;
import org.civicbackbone.activities.internal.JointPlan.Settings;
import org.civicbackbone.activities.internal.JointPlan.WorkingGroupSpec;
import org.civicbackbone.api.audit.RecordEdits;
import org.civicbackbone.api.problem.ProblemException;
import org.civicbackbone.api.problem.Violation;
import org.civicbackbone.testkit.SameMoment;
import org.junit.Test;

/** Meetings through the function's rules on a real (in-memory) database: what a second click must not record twice. */
public class MeetingsTest {

    private final TownPlan town = TownPlan.with();
    private final AlignedActivities plan = town.plan();

    public MeetingsTest() throws Exception {
    }

    @Test
    public void aMeetingOfOneGroupAtOneTimeIsScheduledOnce() {
        Instant at = Instant.parse("2027-01-10T17:00:00Z");
        long group = plan.formGroup("town", new WorkingGroupSpec("Early learning", "readiness"), "staff").id();
        plan.schedule("town", new MeetingSpec(group, "January", at, "1. Pilot"), "staff");
        ProblemException twice = assertThrows(ProblemException.class, () -> plan.schedule("town",
                new MeetingSpec(group, "January meeting", at, "1. Pilot"), "staff"));
        assertEquals(409, twice.problem().status());
        assertEquals("heldAt", twice.problem().violations().get(0).field());
        // another group, or the whole initiative, may meet then
        plan.schedule("town", new MeetingSpec(null, "Leadership", at, "1. Budget"), "staff");
        assertEquals(2, plan.meetings("town").size());
    }

    /** The first setting sent eight times at once (found over HTTP on PostgreSQL: one of sixteen answered 500). */
    @Test
    public void theFirstSettingSentEightTimesAtOnceIsKeptOnce() {
        SameMoment.Outcome outcome = SameMoment.run(8, i -> plan.setSettings("town", new Settings(5), "staff"));
        assertEquals(8, outcome.served());
        assertEquals(5, (int) plan.settings("town").materialsDaysBefore());
        assertEquals("set as it is, the others write nothing", List.of("staff settings.set"), town.audit().actions());
    }

    /**
     * Minutes and a move into the future sent at one moment, each request having read the meeting before the other
     * wrote (found over HTTP on PostgreSQL: eight of nine such pairs left a meeting to come with minutes): the second
     * to take its turn is refused, whichever it is.
     */
    @Test
    public void minutesAndAMoveIntoTheFutureAtOneMomentAreNotBothKept() {
        Instant future = Instant.now().plus(Duration.ofDays(30));
        Meetings racing = racing();

        Meeting read = plan.schedule("town", new MeetingSpec(null, "Leadership", Instant.now().minus(Duration.ofDays(2)),
                "1. Budget"), "staff");
        plan.recordMinutes("town", read.id(), new MinutesSpec("Budget agreed."), "staff");
        assertEquals(409, assertThrows(ProblemException.class, () -> racing.change("town", read, new MeetingSpec(null,
                "Leadership", future, "1. Budget"), "staff")).problem().status());
        assertEquals(read.heldAt(), plan.meeting("town", read.id()).heldAt());

        Meeting other = plan.schedule("town", new MeetingSpec(null, "Partners", Instant.now().minus(Duration.ofDays(3)),
                "1. Plan"), "staff");
        plan.changeMeeting("town", other.id(), new MeetingSpec(null, "Partners", future, "1. Plan"), "staff");
        assertEquals(409, assertThrows(ProblemException.class, () -> racing.recordMinutes("town", other,
                new MinutesSpec("We met."), "staff")).problem().status());
        assertNull(plan.meeting("town", other.id()).minutes());
    }

    /** An action item due the day after its meeting as read, while the meeting is moved four days later: refused. */
    @Test
    public void anActionItemIsDueNoEarlierThanItsMeetingAsItIsWhenWritten() {
        Meetings racing = racing();
        Meeting earlier = plan.schedule("town", new MeetingSpec(null, "Review", Instant.now().minus(Duration.ofDays(10)),
                "1. Review"), "staff");
        plan.changeMeeting("town", earlier.id(), new MeetingSpec(null, "Review", Instant.now().minus(Duration.ofDays(6)),
                "1. Review"), "staff");
        ProblemException early = assertThrows(ProblemException.class, () -> racing.addActionItem("town", earlier,
                new ActionItemSpec("Send the notes", "Ann", LocalDate.now().minusDays(9)), "staff"));
        assertEquals("dueOn", early.problem().violations().get(0).field());
        assertEquals(List.of(), plan.meeting("town", earlier.id()).actionItems());
    }

    /** The meetings' rules as a second request meets them, with the meeting it read before the first wrote. */
    private Meetings racing() {
        return new Meetings(plan.store(), town.audit(), new RecordEdits<>(plan.store(), town.audit(),
                ActivitiesSchema.MODULE, PlanRecords.class));
    }

    /** A meeting moves and its agenda is revised until it is held; never onto another of its group's. */
    @Test
    public void aMeetingIsMovedAndRevisedButNotOntoAnotherOfItsGroup() {
        Instant at = Instant.parse("2027-01-10T17:00:00Z");
        long group = plan.formGroup("town", new WorkingGroupSpec("Early learning", "readiness"), "staff").id();
        Meeting january = plan.schedule("town", new MeetingSpec(group, "January", at, "1. Pilot"), "staff");
        plan.schedule("town", new MeetingSpec(group, "February", at.plus(Duration.ofDays(31)), "1. Results"), "staff");
        Instant later = at.plus(Duration.ofDays(7));
        Meeting moved = plan.changeMeeting("town", january.id(), new MeetingSpec(group, " January, moved ", later,
                "1. Pilot\n2. Budget"), "staff");
        assertEquals(later, moved.heldAt());
        assertEquals("January, moved", moved.title());
        assertEquals("1. Pilot\n2. Budget", moved.agenda());
        assertEquals(moved, plan.meeting("town", january.id()));
        ProblemException clash = assertThrows(ProblemException.class, () -> plan.changeMeeting("town", january.id(),
                new MeetingSpec(group, "January", at.plus(Duration.ofDays(31)), "1. Pilot"), "staff"));
        assertEquals(409, clash.problem().status());
        assertEquals("heldAt", clash.problem().violations().get(0).field());
        assertEquals(400, assertThrows(ProblemException.class, () -> plan.changeMeeting("town", january.id(),
                new MeetingSpec(99L, "January", later, "1. Pilot"), "staff")).problem().status());
        assertEquals("refused changes change nothing", moved, plan.meeting("town", january.id()));

        // held, with its minutes: not moved into the future, though its title may still be mended
        Instant held = Instant.now().minus(Duration.ofDays(2));
        Meeting past = plan.schedule("town", new MeetingSpec(null, "Leadership", held, "1. Budget"), "staff");
        plan.recordMinutes("town", past.id(), new JointPlan.MinutesSpec("Budget agreed."), "staff");
        ProblemException future = assertThrows(ProblemException.class, () -> plan.changeMeeting("town", past.id(),
                new MeetingSpec(null, "Leadership", Instant.now().plus(Duration.ofDays(2)), "1. Budget"), "staff"));
        assertEquals(List.of(new Violation("heldAt", "is to come, but the meeting's minutes are recorded")),
                future.problem().violations());
        assertEquals("Leadership table", plan.changeMeeting("town", past.id(), new MeetingSpec(null,
                "Leadership table", held, "1. Budget"), "staff").title());
    }

    /** An open action item changes hands or days under the rules it was agreed by; one done is settled. */
    @Test
    public void anOpenActionItemChangesHandsOrDaysButADoneOneIsSettled() {
        Instant held = Instant.now().minus(Duration.ofDays(3));
        Meeting meeting = plan.schedule("town", new MeetingSpec(null, "Leadership", held, "1. Budget"), "staff");
        LocalDate inAWeek = LocalDate.now().plusDays(7);
        List<JointPlan.ActionItem> items = plan.addActionItem("town", meeting.id(), new ActionItemSpec("Draft the budget",
                "Ann", inAWeek), "staff").actionItems();
        items = plan.addActionItem("town", meeting.id(), new ActionItemSpec("Book the hall", "Ben", inAWeek), "staff")
                .actionItems();
        long budget = items.get(0).id();
        long hall = items.get(1).id();
        JointPlan.ActionItem handed = plan.changeActionItem("town", meeting.id(), budget, new ActionItemSpec(
                "Draft the budget", "Chloe", inAWeek.plusDays(7)), "staff").actionItems().get(0);
        assertEquals("Chloe", handed.owner());
        assertEquals(inAWeek.plusDays(7), handed.dueOn());
        assertEquals("dueOn", assertThrows(ProblemException.class, () -> plan.changeActionItem("town", meeting.id(),
                budget, new ActionItemSpec("Draft the budget", "Chloe", LocalDate.now().minusDays(30)), "staff"))
                .problem().violations().get(0).field());
        assertEquals("the same as the other", 409, assertThrows(ProblemException.class, () -> plan.changeActionItem(
                "town", meeting.id(), budget, new ActionItemSpec("book the hall", "ben", inAWeek), "staff"))
                .problem().status());
        plan.completeActionItem("town", meeting.id(), hall, "staff");
        assertEquals("done: settled", 409, assertThrows(ProblemException.class, () -> plan.changeActionItem("town",
                meeting.id(), hall, new ActionItemSpec("Book the hall", "Ben", inAWeek.plusDays(1)), "staff"))
                .problem().status());
        assertEquals(404, assertThrows(ProblemException.class, () -> plan.changeActionItem("town", meeting.id(), 999,
                new ActionItemSpec("x", "y", inAWeek), "staff")).problem().status());
    }

    @Test
    public void materialFromOneAddressIsSharedOnce() {
        Meeting meeting = plan.schedule("town", new MeetingSpec(null, "Leadership", Instant.now().plus(Duration.ofDays(9)),
                "1. Budget"), "staff");
        plan.addMaterial("town", meeting.id(), new MaterialSpec("Slides", "https://example.org/s.pdf"), "staff");
        ProblemException twice = assertThrows(ProblemException.class, () -> plan.addMaterial("town", meeting.id(),
                new MaterialSpec("Slides again", " https://example.org/s.pdf "), "staff"));
        assertEquals(409, twice.problem().status());
        assertEquals("link", twice.problem().violations().get(0).field());
        plan.addMaterial("town", meeting.id(), new MaterialSpec("Budget", "https://example.org/b.pdf"), "staff");
        assertEquals(2, plan.meeting("town", meeting.id()).materials().size());
    }

    @Test
    public void anActionItemIsDueNoEarlierThanTheDayItIsAgreedAndRecordedOnce() {
        Meeting meeting = plan.schedule("town", new MeetingSpec(null, "Leadership",
                Instant.parse("2026-11-15T10:00:00Z"), "1. Budget"), "staff");
        ProblemException early = assertThrows(ProblemException.class, () -> plan.addActionItem("town", meeting.id(),
                new ActionItemSpec("Send the figures", "Ann Lee", LocalDate.of(2001, 1, 1)), "staff"));
        assertEquals(List.of(new Violation("dueOn", "is before the meeting it comes from (held 2026-11-15T10:00:00Z)")),
                early.problem().violations());
        // the meeting's day where it is still the 14th counts: the platform does not know the initiative's time zone
        plan.addActionItem("town", meeting.id(), new ActionItemSpec("Send the figures", "Ann Lee",
                LocalDate.of(2026, 11, 14)), "staff");
        ProblemException twice = assertThrows(ProblemException.class, () -> plan.addActionItem("town", meeting.id(),
                new ActionItemSpec("send the figures ", "ann lee", LocalDate.of(2026, 12, 1)), "staff"));
        assertEquals(409, twice.problem().status());
        assertEquals("description", twice.problem().violations().get(0).field());
        ProblemException typed = assertThrows(ProblemException.class, () -> plan.addActionItem("town", meeting.id(),
                new ActionItemSpec("Print the flyers", "Ann Lee", LocalDate.of(2926, 12, 1)), "staff"));
        assertEquals(List.of(new Violation("dueOn", "must be in a year between 2000 and 2100")),
                typed.problem().violations());
        ProblemException longAgo = assertThrows(ProblemException.class, () -> plan.schedule("town", new MeetingSpec(
                null, "Leadership", Instant.parse("1026-11-15T10:00:00Z"), "1. Budget"), "staff"));
        assertEquals(List.of(new Violation("heldAt", "must be in a year between 2000 and 2100")),
                longAgo.problem().violations());
        plan.addActionItem("town", meeting.id(), new ActionItemSpec("Send the figures", "Ben Ruiz",
                LocalDate.of(2026, 12, 1)), "staff");
        assertEquals(2, plan.meeting("town", meeting.id()).actionItems().size());

        // a task to prepare a meeting to come may be due before it, never in the past
        Meeting next = plan.schedule("town", new MeetingSpec(null, "Leadership", Instant.now().plus(Duration.ofDays(20)),
                "1. Budget"), "staff");
        plan.addActionItem("town", next.id(), new ActionItemSpec("Circulate the budget", "Ann Lee",
                LocalDate.now().plusDays(5)), "staff");
        ProblemException past = assertThrows(ProblemException.class, () -> plan.addActionItem("town", next.id(),
                new ActionItemSpec("Book the room", "Ann Lee", LocalDate.now().minusDays(10)), "staff"));
        assertEquals(List.of(new Violation("dueOn", "has passed; an action for a meeting to come is due from today on")),
                past.problem().violations());
    }
}
