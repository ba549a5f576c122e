package org.civicbackbone.examples.learning;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.civicbackbone.api.audit.AuditLog;
import org.civicbackbone.api.initiative.InitiativeService;
import org.civicbackbone.api.problem.InputValidator;
import org.civicbackbone.api.problem.Problem;
import org.civicbackbone.api.problem.ProblemException;
import org.civicbackbone.api.store.BackboneStore;
import org.civicbackbone.api.store.SchemaMigration;
import org.civicbackbone.examples.learning.Records.Evidence;
import org.civicbackbone.examples.learning.Records.EvidenceSpec;
import org.civicbackbone.examples.learning.Records.Question;
import org.civicbackbone.examples.learning.Records.QuestionSpec;
import org.civicbackbone.examples.learning.Records.Reflection;
import org.civicbackbone.examples.learning.Records.ReflectionSpec;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** The learning-evaluation function: questions, evidence and reflections, in the plugin's own tables. */
@Component(service = Learning.class)
public class Learning {

    static final String FUNCTION_ID = "learning-evaluation";
    static final String MODULE = "function-learning-evaluation";

    static final List<SchemaMigration> MIGRATIONS = List.of(new SchemaMigration(1, "questions, evidence, reflections", """
            CREATE TABLE le_question (
              id BIGINT AUTO_INCREMENT PRIMARY KEY,
              initiative_id VARCHAR(64) NOT NULL,
              question VARCHAR(1000) NOT NULL,
              indicator_ids VARCHAR(1000) NOT NULL,
              asked_by VARCHAR(100) NOT NULL,
              asked_at TIMESTAMP WITH TIME ZONE NOT NULL);
            CREATE TABLE le_evidence (
              id BIGINT AUTO_INCREMENT PRIMARY KEY,
              question_id BIGINT NOT NULL REFERENCES le_question(id),
              summary VARCHAR(2000) NOT NULL,
              source VARCHAR(500),
              added_by VARCHAR(100) NOT NULL,
              added_at TIMESTAMP WITH TIME ZONE NOT NULL);
            CREATE TABLE le_reflection (
              id BIGINT AUTO_INCREMENT PRIMARY KEY,
              question_id BIGINT NOT NULL REFERENCES le_question(id),
              text VARCHAR(4000) NOT NULL,
              reflected_by VARCHAR(100) NOT NULL,
              reflected_at TIMESTAMP WITH TIME ZONE NOT NULL);
            """));

    private final BackboneStore store;
    private final AuditLog audit;
    private final InitiativeService initiatives;
    private final InputValidator validator;

    @Activate
    public Learning(@Reference BackboneStore store, @Reference AuditLog audit, @Reference InitiativeService initiatives,
                    @Reference InputValidator validator) {
        this.store = store;
        this.audit = audit;
        this.initiatives = initiatives;
        this.validator = validator;
        store.migrate(MODULE, MIGRATIONS);
    }

    public Records.Overview overview(String initiativeId) {
        return Records.Overview.of(initiativeId, questions(initiativeId));
    }

    public List<Question> questions(String initiativeId) {
        initiatives.requireFunction(initiativeId, FUNCTION_ID);
        return store.read(c -> select(c, "q.initiative_id = ?", initiativeId));
    }

    public Question question(String initiativeId, long questionId) {
        initiatives.requireFunction(initiativeId, FUNCTION_ID);
        return store.read(c -> find(c, initiativeId, questionId));
    }

    public Question ask(String initiativeId, QuestionSpec spec, String actor) {
        validator.validate(spec);
        initiatives.requireFunction(initiativeId, FUNCTION_ID);
        return store.inTransaction(c -> {
            long id = insert(c, "INSERT INTO le_question (initiative_id, question, indicator_ids, asked_by, asked_at) "
                    + "VALUES (?, ?, ?, ?, ?)", initiativeId, spec.question().strip(),
                    spec.indicatorIds().stream().map(String::valueOf).reduce((a, b) -> a + "," + b).orElse(""),
                    actor, Timestamp.from(Instant.now()));
            audit.record(c, actor, initiativeId, MODULE, "question.ask", "question " + id);
            return find(c, initiativeId, id);
        });
    }

    public Evidence addEvidence(String initiativeId, long questionId, EvidenceSpec spec, String actor) {
        validator.validate(spec);
        question(initiativeId, questionId);
        return store.inTransaction(c -> {
            Instant now = Instant.now();
            long id = insert(c, "INSERT INTO le_evidence (question_id, summary, source, added_by, added_at) "
                    + "VALUES (?, ?, ?, ?, ?)", questionId, spec.summary().strip(), spec.source(), actor, Timestamp.from(now));
            audit.record(c, actor, initiativeId, MODULE, "evidence.add", "evidence " + id + " on question " + questionId);
            return new Evidence(id, questionId, spec.summary().strip(), spec.source(), actor, now);
        });
    }

    public Reflection reflect(String initiativeId, long questionId, ReflectionSpec spec, String actor) {
        validator.validate(spec);
        question(initiativeId, questionId);
        return store.inTransaction(c -> {
            Instant now = Instant.now();
            long id = insert(c, "INSERT INTO le_reflection (question_id, text, reflected_by, reflected_at) "
                    + "VALUES (?, ?, ?, ?)", questionId, spec.text().strip(), actor, Timestamp.from(now));
            audit.record(c, actor, initiativeId, MODULE, "reflection.add", "reflection " + id + " on question " + questionId);
            return new Reflection(id, questionId, spec.text().strip(), actor, now);
        });
    }

    private static long insert(Connection c, String sql, Object... values) throws SQLException {
        try (PreparedStatement p = c.prepareStatement(sql, new String[] {"ID"})) {
            for (int i = 0; i < values.length; i++) {
                p.setObject(i + 1, values[i]);
            }
            p.executeUpdate();
            try (ResultSet keys = p.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    private static Question find(Connection c, String initiativeId, long id) throws SQLException {
        List<Question> found = select(c, "q.initiative_id = ? AND q.id = " + id, initiativeId);
        if (found.isEmpty()) {
            throw new ProblemException(Problem.notFound("Initiative '" + initiativeId + "' has no learning question " + id + "."));
        }
        return found.get(0);
    }

    private static List<Question> select(Connection c, String where, String initiativeId) throws SQLException {
        List<Question> questions = new ArrayList<>();
        try (PreparedStatement p = c.prepareStatement("SELECT q.id, q.question, q.indicator_ids, q.asked_by, q.asked_at, "
                + "(SELECT COUNT(*) FROM le_evidence e WHERE e.question_id = q.id), "
                + "(SELECT COUNT(*) FROM le_reflection r WHERE r.question_id = q.id) "
                + "FROM le_question q WHERE " + where + " ORDER BY q.id")) {
            p.setString(1, initiativeId);
            try (ResultSet r = p.executeQuery()) {
                while (r.next()) {
                    List<Long> indicators = r.getString(3).isEmpty() ? List.of()
                            : Arrays.stream(r.getString(3).split(",")).map(Long::valueOf).toList();
                    questions.add(new Question(r.getLong(1), initiativeId, r.getString(2), indicators, r.getString(4),
                            r.getTimestamp(5).toInstant(), r.getInt(6), r.getInt(7)));
                }
            }
        }
        return questions;
    }
}
