package org.civicbackbone.examples.learning;

import static org.junit.Assert.assertEquals;

import java.time.Instant;
import java.util.List;
import org.junit.Test;

public class OverviewTest {

    private static Records.Question q(String text, int evidence, int reflections) {
        return new Records.Question(1, "i", text, List.of(), "u", Instant.EPOCH, evidence, reflections);
    }

    @Test
    public void questionsWithoutEvidenceOrReflectionNeedAttention() {
        Records.Overview o = Records.Overview.of("i", List.of(q("Why do fewer boys read?", 0, 0),
                q("Did summer reading help?", 2, 0), q("Which partners reach new families?", 1, 1)));
        assertEquals(3, o.questions());
        assertEquals(1, o.withoutEvidence());
        assertEquals(1, o.awaitingReflection());
        assertEquals(List.of("no evidence yet: Why do fewer boys read?",
                "evidence awaits reflection: Did summer reading help?"), o.needsAttention());
    }
}
