package ${package};

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;

import java.time.Instant;
import java.util.List;
import org.junit.Test;

public class OverviewTest {

    @Test
    public void anInitiativeWithoutNotesNeedsAttention() {
        Overview o = Overview.of("i", List.of());
        assertEquals(0, o.notes());
        assertNull(o.lastWritten());
        assertEquals(List.of("no notes yet"), o.needsAttention());
    }

    @Test
    public void countsNotesAndFlagsEmptyOnes() {
        Overview o = Overview.of("i", List.of(new Note(1, "i", "Kick-off", "We met.", "u", Instant.EPOCH),
                new Note(2, "i", "Follow-up", "", "u", Instant.EPOCH.plusSeconds(60))));
        assertEquals(2, o.notes());
        assertEquals(Instant.EPOCH.plusSeconds(60), o.lastWritten());
        assertEquals(List.of("note without text: Follow-up"), o.needsAttention());
    }
}
