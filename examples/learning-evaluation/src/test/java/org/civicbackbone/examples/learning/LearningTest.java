package org.civicbackbone.examples.learning;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;

import java.sql.Statement;
import java.util.List;
import org.civicbackbone.api.problem.ProblemException;
import org.civicbackbone.api.store.BackboneStore;
import org.civicbackbone.examples.learning.Records.EvidenceSpec;
import org.civicbackbone.examples.learning.Records.Question;
import org.civicbackbone.examples.learning.Records.QuestionSpec;
import org.civicbackbone.testkit.InMemoryInitiatives;
import org.civicbackbone.testkit.RecordingAuditLog;
import org.civicbackbone.testkit.SameMoment;
import org.civicbackbone.testkit.TestStore;
import org.junit.Test;

/** The plugin's rules on a real (in-memory) database through the platform's test kit. */
public class LearningTest {

    @Test
    public void questionsKeepTheirIndicatorsAsRowsIncludingThoseWrittenBeforeTheMove() {
        BackboneStore store = TestStore.inMemory();
        store.migrate(Learning.MODULE, Learning.MIGRATIONS.subList(0, 1));
        store.inTransaction(c -> {
            try (Statement s = c.createStatement()) {
                s.execute("INSERT INTO le_question (initiative_id, question, indicator_ids, asked_by, asked_at) VALUES "
                        + "('town', 'Old?', '4,2', 'ann', TIMESTAMP WITH TIME ZONE '2025-01-01 00:00:00+00')");
            }
            return null;
        });
        RecordingAuditLog audit = new RecordingAuditLog(store);
        Learning learning = new Learning(store, audit, InMemoryInitiatives.with("town", Learning.FUNCTION_ID),
                input -> { });
        Question asked = learning.ask("town", new QuestionSpec("Did summer reading help?", List.of(7L, 7L, 3L)), "ann");
        learning.addEvidence("town", asked.id(), new EvidenceSpec("Scores fell less", "district"), "ann");
        List<Question> questions = learning.questions("town");
        assertEquals(List.of(4L, 2L), questions.get(0).indicatorIds());
        assertEquals(List.of(7L, 3L), questions.get(1).indicatorIds());
        assertEquals(1, questions.get(1).evidence());
        assertEquals(404, assertThrows(ProblemException.class, () -> learning.question("town", 999)).problem().status());
        ProblemException twice = assertThrows(ProblemException.class, () -> learning.ask("town",
                new QuestionSpec(" did summer  reading help?", List.of()), "bob"));
        assertEquals(409, twice.problem().status());
        assertEquals("question", twice.problem().violations().get(0).field());
        assertEquals(List.of("ann question.ask", "ann evidence.add"), audit.actions());
    }

    @Test
    public void aQuestionAskedBySixClicksAtOnceIsAskedOnce() {
        BackboneStore store = TestStore.inMemory();
        Learning learning = new Learning(store, new RecordingAuditLog(store),
                InMemoryInitiatives.with("town", Learning.FUNCTION_ID), input -> { });
        // the rule reads in BackboneStore.inTurn: in a plain inTransaction, every click reads before any writes
        SameMoment.Outcome outcome = SameMoment.run(6, i -> learning.ask("town",
                new QuestionSpec((i % 2 == 0 ? "Did summer reading help?" : "did summer  reading help?"), List.of()),
                "ann"));
        assertEquals(1, outcome.served());
        outcome.refused().forEach(refused -> assertEquals(409, refused.problem().status()));
        assertEquals(1, learning.questions("town").size());
    }
}
