package org.civicbackbone.vision.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongPredicate;
import java.util.stream.Collectors;
import org.civicbackbone.api.audit.AuditLog;
import org.civicbackbone.api.csv.CsvTable;
import org.civicbackbone.api.decision.DecisionService;
import org.civicbackbone.api.decision.Proposal;
import org.civicbackbone.api.decision.ProposalSpec;
import org.civicbackbone.api.decision.ProposalState;
import org.civicbackbone.api.initiative.InitiativeService;
import org.civicbackbone.api.measurement.IndicatorCatalogue;
import org.civicbackbone.api.measurement.IndicatorRef;
import org.civicbackbone.api.module.DecisionType;
import org.civicbackbone.api.problem.InputValidator;
import org.civicbackbone.api.problem.Problem;
import org.civicbackbone.api.problem.ProblemException;
import org.civicbackbone.api.problem.Violation;
import org.civicbackbone.api.store.BackboneStore;
import org.civicbackbone.api.store.SchemaMigration;
import org.civicbackbone.vision.internal.CommonAgenda.AdoptionSpec;
import org.civicbackbone.vision.internal.CommonAgenda.Goal;
import org.civicbackbone.vision.internal.CommonAgenda.GoalSpec;
import org.civicbackbone.vision.internal.CommonAgenda.Overview;
import org.civicbackbone.vision.internal.CommonAgenda.Status;
import org.civicbackbone.vision.internal.CommonAgenda.Strategy;
import org.civicbackbone.vision.internal.CommonAgenda.StrategySpec;
import org.civicbackbone.vision.internal.CommonAgenda.Version;
import org.civicbackbone.vision.internal.CommonAgenda.VersionSpec;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * The common agenda of each initiative: versions drafted in full, adopted only by a governed decision
 * ({@link DecisionType#ADOPT_COMMON_AGENDA}). What a version's status is follows from its adoption proposal at
 * read time, so an adoption decided while this module was uninstalled still counts when it comes back.
 */
@Component(service = VisionStrategy.class)
public class VisionStrategy {

    static final String FUNCTION_ID = "vision-strategy";
    static final String MODULE = "function-vision-strategy";

    static final List<SchemaMigration> MIGRATIONS = List.of(new SchemaMigration(1, "agenda versions, goals, strategies", """
            CREATE TABLE vs_version (
              id BIGINT AUTO_INCREMENT PRIMARY KEY,
              initiative_id VARCHAR(64) NOT NULL,
              number INT NOT NULL,
              problem_statement VARCHAR(4000) NOT NULL,
              vision VARCHAR(2000) NOT NULL,
              created_by VARCHAR(100) NOT NULL,
              created_at TIMESTAMP WITH TIME ZONE NOT NULL,
              proposal_id BIGINT,
              CONSTRAINT vs_version_number UNIQUE (initiative_id, number));
            CREATE TABLE vs_goal (
              id BIGINT AUTO_INCREMENT PRIMARY KEY,
              version_id BIGINT NOT NULL REFERENCES vs_version(id),
              number INT NOT NULL,
              title VARCHAR(200) NOT NULL,
              outcome VARCHAR(2000) NOT NULL,
              indicator_ids VARCHAR(1000) NOT NULL);
            CREATE TABLE vs_strategy (
              id BIGINT AUTO_INCREMENT PRIMARY KEY,
              goal_id BIGINT NOT NULL REFERENCES vs_goal(id),
              position INT NOT NULL,
              title VARCHAR(200) NOT NULL,
              description VARCHAR(2000));
            CREATE TABLE vs_demo_loaded (
              initiative_id VARCHAR(64) PRIMARY KEY);
            """), new SchemaMigration(2, "indexes on every column the module looks rows up by", """
            CREATE INDEX vs_goal_version_idx ON vs_goal(version_id);
            CREATE INDEX vs_strategy_goal_idx ON vs_strategy(goal_id);
            CREATE INDEX vs_version_proposal_idx ON vs_version(proposal_id);
            """), new SchemaMigration(3, "a goal's indicators as rows, not a comma-separated list", """
            CREATE TABLE vs_goal_indicator (
              goal_id BIGINT NOT NULL REFERENCES vs_goal(id),
              position INT NOT NULL,
              indicator_id BIGINT NOT NULL,
              PRIMARY KEY (goal_id, position));
            CREATE INDEX vs_goal_indicator_indicator_idx ON vs_goal_indicator(indicator_id);
            INSERT INTO vs_goal_indicator (goal_id, position, indicator_id)
            WITH RECURSIVE parts (goal_id, position, item, rest) AS (
              SELECT id, 1,
                CASE WHEN POSITION(',' IN indicator_ids) > 0
                  THEN SUBSTRING(indicator_ids FROM 1 FOR POSITION(',' IN indicator_ids) - 1) ELSE indicator_ids END,
                CASE WHEN POSITION(',' IN indicator_ids) > 0
                  THEN SUBSTRING(indicator_ids FROM POSITION(',' IN indicator_ids) + 1) ELSE '' END
              FROM vs_goal WHERE indicator_ids <> ''
              UNION ALL
              SELECT goal_id, position + 1,
                CASE WHEN POSITION(',' IN rest) > 0 THEN SUBSTRING(rest FROM 1 FOR POSITION(',' IN rest) - 1) ELSE rest END,
                CASE WHEN POSITION(',' IN rest) > 0 THEN SUBSTRING(rest FROM POSITION(',' IN rest) + 1) ELSE '' END
              FROM parts WHERE rest <> '')
            SELECT goal_id, position, CAST(item AS BIGINT) FROM parts;
            ALTER TABLE vs_goal DROP COLUMN indicator_ids;
            """));

    private final BackboneStore store;
    private final AuditLog audit;
    private final InitiativeService initiatives;
    private final InputValidator validator;
    private final DecisionService decisions;

    // optional and dynamic: shared measurement may come and go while this module runs
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile IndicatorCatalogue indicatorCatalogue;

    @Activate
    public VisionStrategy(@Reference BackboneStore store, @Reference AuditLog audit,
                          @Reference InitiativeService initiatives, @Reference InputValidator validator,
                          @Reference DecisionService decisions) {
        this.store = store;
        this.audit = audit;
        this.initiatives = initiatives;
        this.validator = validator;
        this.decisions = decisions;
        store.migrate(MODULE, MIGRATIONS);
    }

    BackboneStore store() {
        return store;
    }

    /** Every version, newest first, each with its status. */
    public List<Version> versions(String initiativeId) {
        initiatives.requireFunction(initiativeId, FUNCTION_ID);
        Map<Long, Proposal> proposals = decisions.proposals(initiativeId).stream()
                .collect(Collectors.toMap(Proposal::id, p -> p));
        List<Version> stored = store.read(c -> load(c, initiativeId));
        return withStatus(stored, proposals).stream().sorted(Comparator.comparingInt(Version::number).reversed())
                .toList();
    }

    public Version version(String initiativeId, int number) {
        return versions(initiativeId).stream().filter(v -> v.number() == number).findFirst()
                .orElseThrow(() -> new ProblemException(Problem.notFound("Initiative '" + initiativeId
                        + "' has no version " + number + " of its common agenda.")));
    }

    /** The agenda in force: what the rest of the platform reads. */
    public Version agenda(String initiativeId) {
        List<Version> all = versions(initiativeId);
        return all.stream().filter(v -> v.status() == Status.ADOPTED).findFirst()
                .orElseThrow(() -> new ProblemException(Problem.notFound("Initiative '" + initiativeId
                        + "' has not adopted a common agenda yet" + (all.isEmpty() ? "." : "; its latest draft is version "
                        + all.get(0).number() + "."))));
    }

    /** Drafts a new version; indicators are checked when shared measurement is installed. */
    public Version draft(String initiativeId, VersionSpec spec, String actor) {
        validator.validate(spec);
        initiatives.requireFunction(initiativeId, FUNCTION_ID);
        checkIndicators(initiativeId, spec);
        int number = store.inTransaction(c -> {
            int next;
            try (PreparedStatement p = c.prepareStatement(
                    "SELECT COALESCE(MAX(number), 0) + 1 FROM vs_version WHERE initiative_id = ?")) {
                p.setString(1, initiativeId);
                try (ResultSet r = p.executeQuery()) {
                    r.next();
                    next = r.getInt(1);
                }
            }
            long versionId = insert(c, "INSERT INTO vs_version (initiative_id, number, problem_statement, vision, "
                    + "created_by, created_at) VALUES (?, ?, ?, ?, ?, ?)", initiativeId, next,
                    spec.problemStatement().strip(), spec.vision().strip(), actor, Timestamp.from(Instant.now()));
            for (int g = 0; g < spec.goals().size(); g++) {
                GoalSpec goal = spec.goals().get(g);
                long goalId = insert(c, "INSERT INTO vs_goal (version_id, number, title, outcome) VALUES (?, ?, ?, ?)",
                        versionId, g + 1, goal.title().strip(), goal.outcome().strip());
                List<Long> indicators = goal.indicators().stream().distinct().toList();
                try (PreparedStatement p = c.prepareStatement(
                        "INSERT INTO vs_goal_indicator (goal_id, position, indicator_id) VALUES (?, ?, ?)")) {
                    for (int i = 0; i < indicators.size(); i++) {
                        p.setLong(1, goalId);
                        p.setInt(2, i + 1);
                        p.setLong(3, indicators.get(i));
                        p.addBatch();
                    }
                    p.executeBatch();
                }
                for (int s = 0; s < goal.strategyList().size(); s++) {
                    StrategySpec strategy = goal.strategyList().get(s);
                    insert(c, "INSERT INTO vs_strategy (goal_id, position, title, description) VALUES (?, ?, ?, ?)",
                            goalId, s + 1, strategy.title().strip(), strategy.description());
                }
            }
            audit.record(c, actor, initiativeId, MODULE, "agenda.draft", "version " + next + " drafted with "
                    + spec.goals().size() + " goals");
            return next;
        });
        return version(initiativeId, number);
    }

    /** Puts a version to the initiative's bodies; it becomes the agenda in force only when approved. */
    public Version proposeAdoption(String initiativeId, int number, AdoptionSpec spec, String actor) {
        if (spec != null) {
            validator.validate(spec);
        }
        Version version = version(initiativeId, number);
        if (version.status() == Status.ADOPTED) {
            throw new ProblemException(Problem.conflict("Version " + number + " is already the agenda in force."));
        }
        if (version.status() == Status.PROPOSED) {
            throw new ProblemException(Problem.conflict("Version " + number + " is already being decided in proposal "
                    + version.proposalId() + "."));
        }
        Proposal proposal = decisions.propose(initiativeId, new ProposalSpec(DecisionType.ADOPT_COMMON_AGENDA,
                "Adopt version " + number + " of the common agenda", spec == null ? null : spec.reason(), null,
                spec == null ? null : spec.expiresInDays()), MODULE, actor);
        store.inTransaction(c -> {
            try (PreparedStatement p = c.prepareStatement(
                    "UPDATE vs_version SET proposal_id = ? WHERE initiative_id = ? AND number = ?")) {
                p.setLong(1, proposal.id());
                p.setString(2, initiativeId);
                p.setInt(3, number);
                p.executeUpdate();
            }
            audit.record(c, actor, initiativeId, MODULE, "agenda.propose", "version " + number
                    + " put to adoption in proposal " + proposal.id());
            return null;
        });
        return version(initiativeId, number);
    }

    public Overview overview(String initiativeId) {
        IndicatorCatalogue catalogue = indicatorCatalogue;
        LongPredicate exists = catalogue == null ? null : existing(catalogue.indicators(initiativeId));
        return overview(initiativeId, versions(initiativeId), exists);
    }

    /** The goals and strategies of one version (the adopted one when none is named) as CSV, one row per strategy. */
    public String exportGoals(String initiativeId, Integer number) {
        Version version = number == null ? agenda(initiativeId) : version(initiativeId, number);
        IndicatorCatalogue catalogue = indicatorCatalogue;
        Map<Long, String> names = catalogue == null ? Map.of() : catalogue.indicators(initiativeId).stream()
                .collect(Collectors.toMap(IndicatorRef::id, IndicatorRef::name));
        CsvTable csv = new CsvTable(List.of("version", "status", "goal", "goal_title", "outcome", "indicator_ids",
                "indicator_names", "strategy", "strategy_title", "strategy_description"));
        for (Goal goal : version.goals()) {
            String ids = goal.indicatorIds().stream().map(String::valueOf).collect(Collectors.joining(";"));
            String indicatorNames = goal.indicatorIds().stream().map(id -> names.getOrDefault(id, "?"))
                    .collect(Collectors.joining(";"));
            if (goal.strategies().isEmpty()) {
                csv.row(version.number(), version.status(), goal.number(), goal.title(), goal.outcome(), ids,
                        indicatorNames, null, null, null);
            }
            for (int s = 0; s < goal.strategies().size(); s++) {
                Strategy strategy = goal.strategies().get(s);
                csv.row(version.number(), version.status(), goal.number(), goal.title(), goal.outcome(), ids,
                        indicatorNames, s + 1, strategy.title(), strategy.description());
            }
        }
        return csv.toString();
    }

    /** Statuses from the adoption proposals: the latest approved version is in force, earlier approved ones superseded. */
    static List<Version> withStatus(List<Version> stored, Map<Long, Proposal> proposals) {
        Version inForce = stored.stream().filter(v -> v.proposalId() != null)
                .filter(v -> state(proposals, v) == ProposalState.APPROVED)
                .max(Comparator.comparing((Version v) -> proposals.get(v.proposalId()).decidedAt())
                        .thenComparingInt(Version::number)).orElse(null);
        List<Version> result = new ArrayList<>();
        for (Version v : stored) {
            ProposalState state = v.proposalId() == null ? null : state(proposals, v);
            Status status = state == ProposalState.OPEN ? Status.PROPOSED
                    : state == ProposalState.APPROVED ? (v == inForce ? Status.ADOPTED : Status.SUPERSEDED)
                    : Status.DRAFT;
            Instant adoptedAt = state == ProposalState.APPROVED ? proposals.get(v.proposalId()).decidedAt() : null;
            result.add(new Version(v.number(), v.initiativeId(), status, v.problemStatement(), v.vision(), v.goals(),
                    v.createdBy(), v.createdAt(), v.proposalId(), state, adoptedAt));
        }
        return result;
    }

    private static ProposalState state(Map<Long, Proposal> proposals, Version v) {
        Proposal p = proposals.get(v.proposalId());
        return p == null ? null : p.state();
    }

    /** The overview; {@code indicatorExists} is null when shared measurement is not installed. */
    static Overview overview(String initiativeId, List<Version> versions, LongPredicate indicatorExists) {
        List<String> attention = new ArrayList<>();
        Version adopted = versions.stream().filter(v -> v.status() == Status.ADOPTED).findFirst().orElse(null);
        Version proposed = versions.stream().filter(v -> v.status() == Status.PROPOSED).findFirst().orElse(null);
        long drafts = versions.stream().filter(v -> v.status() == Status.DRAFT).count();
        if (adopted == null) {
            attention.add(versions.isEmpty() ? "no common agenda yet: draft one"
                    : "no common agenda adopted yet" + (proposed == null ? ": put a draft to adoption"
                    : ": version " + proposed.number() + " awaits a decision"));
        }
        int strategies = 0;
        if (adopted != null) {
            for (Goal goal : adopted.goals()) {
                strategies += goal.strategies().size();
                if (goal.indicatorIds().isEmpty()) {
                    attention.add("goal " + goal.number() + " '" + goal.title() + "' has no indicator tracking it");
                }
                if (goal.strategies().isEmpty()) {
                    attention.add("goal " + goal.number() + " '" + goal.title() + "' has no strategy");
                }
                if (indicatorExists != null) {
                    goal.indicatorIds().stream().filter(id -> !indicatorExists.test(id)).forEach(id -> attention.add(
                            "goal " + goal.number() + " links indicator " + id + ", which no longer exists"));
                }
            }
        }
        return new Overview(initiativeId, adopted == null ? null : adopted.number(),
                adopted == null ? null : adopted.adoptedAt(), adopted == null ? 0 : adopted.goals().size(), strategies,
                (int) drafts, proposed == null ? null : proposed.number(),
                indicatorExists == null ? "not checked: shared measurement is not installed" : "checked", attention);
    }

    private void checkIndicators(String initiativeId, VersionSpec spec) {
        IndicatorCatalogue catalogue = indicatorCatalogue;
        if (catalogue == null) {
            return; // links are kept and checked once shared measurement is back
        }
        LongPredicate exists = existing(catalogue.indicators(initiativeId));
        List<Violation> violations = new ArrayList<>();
        for (int g = 0; g < spec.goals().size(); g++) {
            List<Long> ids = spec.goals().get(g).indicators();
            for (int i = 0; i < ids.size(); i++) {
                if (!exists.test(ids.get(i))) {
                    violations.add(new Violation("goals[" + g + "].indicatorIds[" + i + "]", "initiative '"
                            + initiativeId + "' has no indicator " + ids.get(i)));
                }
            }
        }
        if (!violations.isEmpty()) {
            throw new ProblemException(Problem.invalid("A goal links an indicator that does not exist.", violations));
        }
    }

    private static LongPredicate existing(List<IndicatorRef> indicators) {
        java.util.Set<Long> ids = indicators.stream().map(IndicatorRef::id).collect(Collectors.toSet());
        return ids::contains;
    }

    private static List<Version> load(Connection c, String initiativeId) throws SQLException {
        Map<Long, Version> versions = new LinkedHashMap<>();
        Map<Long, List<Goal>> goalsByVersion = new LinkedHashMap<>();
        try (PreparedStatement p = c.prepareStatement("SELECT id, number, problem_statement, vision, created_by, "
                + "created_at, proposal_id FROM vs_version WHERE initiative_id = ? ORDER BY number")) {
            p.setString(1, initiativeId);
            try (ResultSet r = p.executeQuery()) {
                while (r.next()) {
                    long proposal = r.getLong(7);
                    versions.put(r.getLong(1), new Version(r.getInt(2), initiativeId, Status.DRAFT, r.getString(3),
                            r.getString(4), List.of(), r.getString(5), r.getTimestamp(6).toInstant(),
                            r.wasNull() ? null : proposal, null, null));
                }
            }
        }
        Map<Long, List<Strategy>> strategiesByGoal = new LinkedHashMap<>();
        try (PreparedStatement p = c.prepareStatement("SELECT s.goal_id, s.title, s.description FROM vs_strategy s "
                + "JOIN vs_goal g ON g.id = s.goal_id JOIN vs_version v ON v.id = g.version_id "
                + "WHERE v.initiative_id = ? ORDER BY s.goal_id, s.position")) {
            p.setString(1, initiativeId);
            try (ResultSet r = p.executeQuery()) {
                while (r.next()) {
                    strategiesByGoal.computeIfAbsent(r.getLong(1), k -> new ArrayList<>())
                            .add(new Strategy(r.getString(2), r.getString(3)));
                }
            }
        }
        Map<Long, List<Long>> indicatorsByGoal = new LinkedHashMap<>();
        try (PreparedStatement p = c.prepareStatement("SELECT gi.goal_id, gi.indicator_id FROM vs_goal_indicator gi "
                + "JOIN vs_goal g ON g.id = gi.goal_id JOIN vs_version v ON v.id = g.version_id "
                + "WHERE v.initiative_id = ? ORDER BY gi.goal_id, gi.position")) {
            p.setString(1, initiativeId);
            try (ResultSet r = p.executeQuery()) {
                while (r.next()) {
                    indicatorsByGoal.computeIfAbsent(r.getLong(1), k -> new ArrayList<>()).add(r.getLong(2));
                }
            }
        }
        try (PreparedStatement p = c.prepareStatement("SELECT g.id, g.version_id, g.number, g.title, g.outcome "
                + "FROM vs_goal g JOIN vs_version v ON v.id = g.version_id WHERE v.initiative_id = ? "
                + "ORDER BY g.version_id, g.number")) {
            p.setString(1, initiativeId);
            try (ResultSet r = p.executeQuery()) {
                while (r.next()) {
                    goalsByVersion.computeIfAbsent(r.getLong(2), k -> new ArrayList<>()).add(new Goal(r.getInt(3),
                            r.getString(4), r.getString(5), indicatorsByGoal.getOrDefault(r.getLong(1), List.of()),
                            strategiesByGoal.getOrDefault(r.getLong(1), List.of())));
                }
            }
        }
        List<Version> result = new ArrayList<>();
        versions.forEach((id, v) -> result.add(new Version(v.number(), initiativeId, v.status(), v.problemStatement(),
                v.vision(), goalsByVersion.getOrDefault(id, List.of()), v.createdBy(), v.createdAt(), v.proposalId(),
                null, null)));
        return result;
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
}
