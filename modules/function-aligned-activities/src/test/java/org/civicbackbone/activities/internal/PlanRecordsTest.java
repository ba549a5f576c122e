package org.civicbackbone.activities.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.civicbackbone.activities.internal.JointPlan.Activity;
import org.civicbackbone.activities.internal.JointPlan.ActivityStatus;
import org.civicbackbone.activities.internal.JointPlan.GroupRole;
import org.civicbackbone.activities.internal.JointPlan.Meeting;
import org.civicbackbone.api.store.BackboneStore;
import org.civicbackbone.api.store.GeneratedKey;
import org.civicbackbone.testkit.TestStore;
import org.junit.Test;

/** The joint plan's tables through their mapper, on a real database, including the move of goal lists to rows. */
public class PlanRecordsTest {

    private static final Instant HELD = Instant.parse("2026-05-10T17:00:00Z");

    @Test
    public void goalListsWrittenBeforeBecomeRowsAndNewActivitiesWriteRows() {
        BackboneStore store = TestStore.inMemory();
        store.migrate(ActivitiesSchema.MODULE, ActivitiesSchema.MIGRATIONS.subList(0, 2));
        store.inTransaction(c -> {
            try (Statement s = c.createStatement()) {
                s.execute("INSERT INTO aa_activity (initiative_id, title, owner_organisation, goal_numbers, start_on, "
                        + "status, created_by, created_at) VALUES ('town', 'Old', 'Library', '2,10,2', DATE '2025-01-01', "
                        + "'UNDERWAY', 'ann', TIMESTAMP WITH TIME ZONE '2025-01-01 00:00:00+00'), ('town', 'None', "
                        + "'School', '', DATE '2025-01-01', 'PLANNED', 'ann', TIMESTAMP WITH TIME ZONE '2025-01-01 00:00:00+00')");
            }
            return null;
        });
        store.migrate(ActivitiesSchema.MODULE, ActivitiesSchema.MIGRATIONS);
        GeneratedKey key = new GeneratedKey();
        store.inTransaction(c -> {
            PlanRecords r = store.mapper(c, PlanRecords.class);
            r.insertActivity(key, "town", "New", null, "Library", 5, LocalDate.of(2026, 1, 1), null,
                    ActivityStatus.PLANNED, "ann", HELD);
            r.insertGoal(key.id(), 3);
            return null;
        });
        List<Activity> all = store.read(c -> store.mapper(c, PlanRecords.class).activities("town"));
        assertEquals(List.of(2, 10), all.get(0).goalNumbers());
        assertEquals(List.of(), all.get(1).goalNumbers());
        assertEquals(List.of(3), all.get(2).goalNumbers());
        assertNull(all.get(2).endOn());
    }

    @Test
    public void groupsAndMeetingsComeWithTheirMembersMaterialsAndActions() {
        BackboneStore store = TestStore.inMemory();
        store.migrate(ActivitiesSchema.MODULE, ActivitiesSchema.MIGRATIONS);
        GeneratedKey group = new GeneratedKey();
        GeneratedKey meeting = new GeneratedKey();
        store.inTransaction(c -> {
            PlanRecords r = store.mapper(c, PlanRecords.class);
            r.insertGroup(group, "town", "Data", null);
            r.insertMember(group.id(), "Ann", "Library", 3, GroupRole.CO_CHAIR, LocalDate.of(2026, 1, 5));
            r.insertMeeting(meeting, "town", group.id(), "Kick-off", HELD, "1. Data");
            r.insertMaterial(meeting.id(), "Slides", "https://example.org/s", HELD.minusSeconds(3600));
            r.insertAction(meeting.id(), "Send data", "Ann", LocalDate.of(2026, 5, 1));
            return null;
        });
        assertEquals(GroupRole.CO_CHAIR, store.read(c -> store.mapper(c, PlanRecords.class).workingGroups("town"))
                .get(0).members().get(0).role());
        Meeting m = store.read(c -> store.mapper(c, PlanRecords.class).meetings("town", 3,
                Instant.parse("2026-06-01T12:00:00Z")))
                .get(0);
        assertEquals(Long.valueOf(group.id()), m.workingGroupId());
        assertTrue("material an hour before a 3-day limit is late", m.materials().get(0).late());
        assertTrue(m.actionItems().get(0).overdue());
    }

    @Test
    public void meetingsToComeOfSeveralInitiativesInOneQuery() {
        BackboneStore store = TestStore.inMemory();
        store.migrate(ActivitiesSchema.MODULE, ActivitiesSchema.MIGRATIONS);
        store.inTransaction(c -> {
            PlanRecords r = store.mapper(c, PlanRecords.class);
            r.insertMeeting(new GeneratedKey(), "town", null, "Past", HELD.minusSeconds(86_400), "a");
            r.insertMeeting(new GeneratedKey(), "village", null, "Later", HELD.plusSeconds(7_200), "a");
            r.insertMeeting(new GeneratedKey(), "town", null, "Sooner", HELD.plusSeconds(3_600), "a");
            r.insertMeeting(new GeneratedKey(), "city", null, "Not asked", HELD.plusSeconds(60), "a");
            return null;
        });
        List<PlanRecords.ComingMeeting> coming = store.read(c -> store.mapper(c, PlanRecords.class)
                .comingMeetings(new String[] {"town", "village"}, HELD));
        assertEquals(List.of("town Sooner", "village Later"), coming.stream().map(m -> m.initiativeId() + " "
                + m.title()).toList());
    }
}
