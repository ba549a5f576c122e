package org.civicbackbone.activities.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.time.ZoneOffset;
import java.time.format.TextStyle;
import java.util.List;
import java.util.Locale;
import org.civicbackbone.activities.internal.JointPlan.Meeting;
import org.civicbackbone.api.initiative.Sector;
import org.civicbackbone.api.store.BackboneStore;
import org.civicbackbone.testkit.InMemoryInitiatives;
import org.civicbackbone.testkit.InMemoryOrganisations;
import org.civicbackbone.testkit.RecordingAuditLog;
import org.civicbackbone.testkit.TestStore;
import org.junit.Test;

/** The joint plan's demo, loaded on a real (in-memory) database through the function's own rules. */
public class ActivitiesDemoTest {

    @Test
    public void theDemoLoadsOnceAndNamesItsPastMeetingByTheMonthItWasHeld() {
        BackboneStore store = TestStore.inMemory();
        AlignedActivities plan = new AlignedActivities(store, new RecordingAuditLog(store),
                InMemoryInitiatives.with("town", AlignedActivities.FUNCTION_ID), input -> { },
                // the demo's partners, registered by the platform's own demo before any function's
                new InMemoryOrganisations().with("town", Sector.NONPROFIT, "Northside Family Resource Center",
                        "Riverbend Head Start", "Riverbend Public Library", "Riverbend Unified School District",
                        "Eastside Parents Network"));
        ActivitiesDemo demo = new ActivitiesDemo(plan);
        assertFalse(demo.loadedInto("town"));
        demo.loadInto("town");
        assertTrue(demo.loadedInto("town"));

        List<Meeting> held = plan.meetings("town").stream().filter(m -> m.workingGroupId() != null).toList();
        assertEquals(1, held.size());
        String month = held.get(0).heldAt().atZone(ZoneOffset.UTC).getMonth()
                .getDisplayName(TextStyle.FULL, Locale.ENGLISH);
        assertEquals("Early learning working group, " + month, held.get(0).title());
    }
}
