package ${package};

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;

import java.util.List;
import org.civicbackbone.api.console.WorkItem;
import org.civicbackbone.api.problem.ProblemException;
import org.civicbackbone.api.store.BackboneStore;
import org.civicbackbone.testkit.InMemoryInitiatives;
import org.civicbackbone.testkit.RecordingAuditLog;
import org.civicbackbone.testkit.TestStore;
import org.junit.Test;

/** The notes service on the platform's real store (an in-memory database), as the platform runs it. */
public class ${functionClass}NotesTest {

    private final BackboneStore store = TestStore.inMemory();
    private final RecordingAuditLog audit = new RecordingAuditLog(store);

    @Test
    public void writesNotesAndRecordsEachInTheAuditLog() {
        ${functionClass}Notes notes = new ${functionClass}Notes(store, audit,
                InMemoryInitiatives.with("town", ${functionClass}Notes.FUNCTION_ID), input -> { });
        notes.write("town", new NoteSpec("Kick-off", "We met."), "ann");
        notes.write("town", new NoteSpec("Follow-up", ""), "ben");
        assertEquals(List.of("Kick-off", "Follow-up"), notes.notes("town").stream().map(Note::title).toList());
        assertEquals(List.of("ann note.write", "ben note.write"), audit.actions());
        assertEquals(List.of("note without text: Follow-up"), notes.overview("town").needsAttention());
        // and the same on each person's "My work" page, linked to the notes page
        assertEquals(List.of(new WorkItem(WorkItem.Kind.NEEDS_ATTENTION, null, "note without text: Follow-up", false,
                "notes")), new ${functionClass}Function(notes).of("town"));
    }

    @Test
    public void anInitiativeThatHasNotEnabledTheFunctionIsRefused() {
        ${functionClass}Notes notes = new ${functionClass}Notes(store, audit, InMemoryInitiatives.with("town"),
                input -> { });
        assertEquals(409, assertThrows(ProblemException.class,
                () -> notes.write("town", new NoteSpec("t", "x"), "ann")).problem().status());
        assertEquals(List.of(), audit.actions());
    }
}
