package org.civicbackbone.examples.learning;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Options;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.civicbackbone.api.store.GeneratedKey;
import org.civicbackbone.examples.learning.Records.Question;

/**
 * The plugin's tables through a mapper ({@code BackboneStore.mapper}): SQL beside each method, rows matched to record
 * components by column name, the new id of an insert in a {@link GeneratedKey}.
 */
public interface LearningRecords {

    /** A question's row with how much evidence and how many reflections it has. */
    record QuestionRow(long id, String question, String askedBy, Instant askedAt, int evidence, int reflections) {
    }

    /** One indicator a question is about. */
    record QuestionIndicator(long questionId, long indicatorId) {
    }

    String QUESTION = "SELECT q.id, q.question, q.asked_by, q.asked_at, "
            + "(SELECT COUNT(*) FROM le_evidence e WHERE e.question_id = q.id) AS evidence, "
            + "(SELECT COUNT(*) FROM le_reflection r WHERE r.question_id = q.id) AS reflections FROM le_question q ";

    @Select(QUESTION + "WHERE q.initiative_id = #{initiativeId} ORDER BY q.id")
    List<QuestionRow> questionRows(String initiativeId);

    @Select("SELECT i.question_id, i.indicator_id FROM le_question_indicator i JOIN le_question q "
            + "ON q.id = i.question_id WHERE q.initiative_id = #{initiativeId} ORDER BY i.question_id, i.position")
    List<QuestionIndicator> indicators(String initiativeId);

    @Insert("INSERT INTO le_question (initiative_id, question, asked_by, asked_at) "
            + "VALUES (#{initiativeId}, #{question}, #{askedBy}, #{askedAt})")
    @Options(useGeneratedKeys = true, keyProperty = "key.id", keyColumn = "id")
    void insertQuestion(@Param("key") GeneratedKey key, @Param("initiativeId") String initiativeId,
                        @Param("question") String question, @Param("askedBy") String askedBy,
                        @Param("askedAt") Instant askedAt);

    @Insert("INSERT INTO le_question_indicator (question_id, position, indicator_id) "
            + "VALUES (#{questionId}, #{position}, #{indicatorId})")
    void insertIndicator(@Param("questionId") long questionId, @Param("position") int position,
                         @Param("indicatorId") long indicatorId);

    @Insert("INSERT INTO le_evidence (question_id, summary, source, added_by, added_at) "
            + "VALUES (#{questionId}, #{summary}, #{source}, #{addedBy}, #{addedAt})")
    @Options(useGeneratedKeys = true, keyProperty = "key.id", keyColumn = "id")
    void insertEvidence(@Param("key") GeneratedKey key, @Param("questionId") long questionId,
                        @Param("summary") String summary, @Param("source") String source,
                        @Param("addedBy") String addedBy, @Param("addedAt") Instant addedAt);

    @Insert("INSERT INTO le_reflection (question_id, text, reflected_by, reflected_at) "
            + "VALUES (#{questionId}, #{text}, #{reflectedBy}, #{reflectedAt})")
    @Options(useGeneratedKeys = true, keyProperty = "key.id", keyColumn = "id")
    void insertReflection(@Param("key") GeneratedKey key, @Param("questionId") long questionId,
                          @Param("text") String text, @Param("reflectedBy") String reflectedBy,
                          @Param("reflectedAt") Instant reflectedAt);

    /** The initiative's questions with their indicators, oldest first: two queries. */
    default List<Question> questions(String initiativeId) {
        Map<Long, List<Long>> indicators = new LinkedHashMap<>();
        indicators(initiativeId).forEach(i -> indicators.computeIfAbsent(i.questionId(), k -> new ArrayList<>())
                .add(i.indicatorId()));
        return questionRows(initiativeId).stream().map(q -> new Question(q.id(), initiativeId, q.question(),
                indicators.getOrDefault(q.id(), List.of()), q.askedBy(), q.askedAt(), q.evidence(), q.reflections()))
                .toList();
    }
}
