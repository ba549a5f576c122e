package org.civicbackbone.testkit;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;
import org.civicbackbone.api.audit.AuditEntry;
import org.civicbackbone.api.audit.Changes;
import org.civicbackbone.api.audit.RecordEdit;
import org.civicbackbone.api.audit.RecordEdits;
import org.civicbackbone.api.problem.ProblemException;
import org.civicbackbone.api.store.BackboneStore;
import org.civicbackbone.api.store.SchemaMigration;
import org.junit.Before;
import org.junit.Test;

/**
 * The kit's edit on a real in-memory database: made in the module's turn, written and logged only when it changes
 * something.
 */
public class RecordEditsTest {

    /** A note's table, as a module's mapper reads and writes it. */
    public interface NoteRecords {

        /** A note's row. */
        record NoteRow(long id, String text) {
        }

        @Select("SELECT id, text FROM kit_note WHERE initiative_id = #{initiativeId} ORDER BY id")
        List<NoteRow> notes(String initiativeId);

        @Update("UPDATE kit_note SET text = #{text} WHERE id = #{id}")
        void updateNote(@Param("id") long id, @Param("text") String text);
    }

    private BackboneStore store;
    private RecordingAuditLog audit;
    private RecordEdits<NoteRecords> edits;
    private final AtomicInteger writes = new AtomicInteger();

    @Before
    public void aNote() {
        store = TestStore.inMemory();
        store.migrate("kit", List.of(new SchemaMigration(1, "notes", """
                CREATE TABLE kit_note (id BIGINT PRIMARY KEY, initiative_id VARCHAR(64) NOT NULL, text VARCHAR(200));
                INSERT INTO kit_note (id, initiative_id, text) VALUES (1, 'town', 'Reading week')
                """)));
        audit = new RecordingAuditLog(store);
        edits = new RecordEdits<>(store, audit, "kit", NoteRecords.class);
    }

    private boolean retitle(long id, String text, String actor) {
        return edits.edit("town", actor, "note.change", records -> {
            NoteRecords.NoteRow now = records.notes("town").stream().filter(n -> n.id() == id).findFirst()
                    .orElseThrow(RecordEdits.gone("Note " + id));
            return new RecordEdit("note " + id, new Changes().quoted("text", now.text(), text), () -> {
                writes.incrementAndGet();
                records.updateNote(id, text);
            });
        });
    }

    private List<String> details() {
        return audit.recent("town", 10).stream().map(AuditEntry::detail).toList();
    }

    @Test
    public void anEditThatChangesSomethingIsWrittenAndLoggedInTheModulesName() {
        assertTrue(retitle(1, "Reading week, all week", "ann"));
        assertEquals("Reading week, all week", store.read(c -> store.mapper(c, NoteRecords.class).notes("town"))
                .get(0).text());
        assertEquals(List.of("note 1: text 'Reading week' to 'Reading week, all week'"), details());
        assertEquals("kit", audit.recent("town", 1).get(0).module());
        assertEquals(List.of("ann note.change"), audit.actions());
    }

    @Test
    public void anEditThatChangesNothingWritesAndLogsNothing() {
        assertFalse(retitle(1, "Reading week", "ann"));
        assertEquals(0, writes.get());
        assertEquals(List.of(), details());
    }

    @Test
    public void aRecordGoneMeanwhileIsRefusedWith404() {
        ProblemException refused = assertThrows(ProblemException.class, () -> retitle(2, "Another", "ann"));
        assertEquals(404, refused.problem().status());
        assertEquals("Note 2 is gone: it was removed while this edit was sent.", refused.problem().detail());
        assertEquals(List.of(), details());
    }

    @Test
    public void aRefusedWriteLeavesNeitherTheChangeNorItsEntry() {
        assertThrows(ProblemException.class, () -> edits.edit("town", "ann", "note.change", records ->
                new RecordEdit("note 1", new Changes().quoted("text", "Reading week", "Other"), () -> {
                    records.updateNote(1, "Other");
                    throw ProblemException.invalid("text", "is refused after the write");
                })));
        assertEquals("Reading week", store.read(c -> store.mapper(c, NoteRecords.class).notes("town")).get(0).text());
        assertEquals(List.of(), details());
    }

    @Test
    public void theSameEditSentEightTimesAtOnceIsMadeAndLoggedOnce() {
        SameMoment.Outcome outcome = SameMoment.run(8, i -> retitle(1, "Reading month", "ann"));
        assertEquals(8, outcome.served());
        assertEquals(1, writes.get());
        assertEquals(List.of("note 1: text 'Reading week' to 'Reading month'"), details());
    }
}
