package org.civicbackbone.examples.learning;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;

/** The plugin's records: what it stores and what callers send. */
public final class Records {

    private Records() {
    }

    /** A learning question the initiative wants its evaluation to answer, linked to shared indicators by id. */
    public record Question(long id, String initiativeId, String question, List<Long> indicatorIds, String askedBy,
                           Instant askedAt, int evidence, int reflections) {
    }

    /** What a caller sends to ask a question. */
    public record QuestionSpec(@NotBlank @Size(max = 1000) String question, @NotNull List<@NotNull Long> indicatorIds) {
    }

    /** A piece of evidence bearing on a question. */
    public record Evidence(long id, long questionId, String summary, String source, String addedBy, Instant addedAt) {
    }

    /** What a caller sends to add evidence. */
    public record EvidenceSpec(@NotBlank @Size(max = 2000) String summary, @Size(max = 500) String source) {
    }

    /** What the partners made of the evidence. */
    public record Reflection(long id, long questionId, String text, String by, Instant at) {
    }

    /** What a caller sends to reflect. */
    public record ReflectionSpec(@NotBlank @Size(max = 4000) String text) {
    }

    /** The function's overview for an initiative. */
    public record Overview(String initiativeId, int questions, int withoutEvidence, int awaitingReflection,
                           List<String> needsAttention) {

        /** Questions without evidence, and evidence nobody has reflected on yet, need attention. */
        public static Overview of(String initiativeId, List<Question> questions) {
            List<String> attention = new java.util.ArrayList<>();
            int noEvidence = 0;
            int noReflection = 0;
            for (Question q : questions) {
                if (q.evidence() == 0) {
                    noEvidence++;
                    attention.add("no evidence yet: " + q.question());
                } else if (q.reflections() == 0) {
                    noReflection++;
                    attention.add("evidence awaits reflection: " + q.question());
                }
            }
            return new Overview(initiativeId, questions.size(), noEvidence, noReflection, attention);
        }
    }
}
