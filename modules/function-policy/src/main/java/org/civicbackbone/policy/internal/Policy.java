package org.civicbackbone.policy.internal;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.civicbackbone.api.audit.AuditLog;
import org.civicbackbone.api.csv.CsvTable;
import org.civicbackbone.api.decision.DecisionService;
import org.civicbackbone.api.decision.Proposal;
import org.civicbackbone.api.decision.ProposalSpec;
import org.civicbackbone.api.decision.ProposalState;
import org.civicbackbone.api.initiative.InitiativeService;
import org.civicbackbone.api.initiative.Membership;
import org.civicbackbone.api.module.DecisionType;
import org.civicbackbone.api.problem.InputValidator;
import org.civicbackbone.api.problem.Problem;
import org.civicbackbone.api.problem.ProblemException;
import org.civicbackbone.api.problem.Violation;
import org.civicbackbone.api.store.BackboneStore;
import org.civicbackbone.api.store.SchemaMigration;
import org.civicbackbone.policy.internal.PolicyAgenda.AdoptionSpec;
import org.civicbackbone.policy.internal.PolicyAgenda.Item;
import org.civicbackbone.policy.internal.PolicyAgenda.ItemSpec;
import org.civicbackbone.policy.internal.PolicyAgenda.Outcome;
import org.civicbackbone.policy.internal.PolicyAgenda.OutcomeSpec;
import org.civicbackbone.policy.internal.PolicyAgenda.Overview;
import org.civicbackbone.policy.internal.PolicyAgenda.Stage;
import org.civicbackbone.policy.internal.PolicyAgenda.StageSpec;
import org.civicbackbone.policy.internal.PolicyAgenda.Stance;
import org.civicbackbone.policy.internal.PolicyAgenda.StanceKind;
import org.civicbackbone.policy.internal.PolicyAgenda.StanceSpec;
import org.civicbackbone.policy.internal.PolicyAgenda.Statement;
import org.civicbackbone.policy.internal.PolicyAgenda.Status;
import org.civicbackbone.policy.internal.PolicyAgenda.TargetKind;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Advancing the policy agenda: items from idea to outcome, positions adopted only by a governed decision
 * ({@link DecisionType#ADOPT_POLICY_POSITION}, read from the proposal's state), and each partner organisation's
 * endorsement, neutrality or dissent, kept as history. A partner that does not share a position may ask not to be
 * named: public statements and exports then leave its name out.
 */
@Component(service = Policy.class)
public class Policy {

    static final String FUNCTION_ID = "policy";
    static final String MODULE = "function-policy";

    static final List<SchemaMigration> MIGRATIONS = List.of(new SchemaMigration(1, "policy items and stances", """
            CREATE TABLE pol_item (
              id BIGINT AUTO_INCREMENT PRIMARY KEY,
              initiative_id VARCHAR(64) NOT NULL,
              title VARCHAR(300) NOT NULL,
              problem VARCHAR(4000) NOT NULL,
              proposed_position VARCHAR(4000) NOT NULL,
              target_kind VARCHAR(20) NOT NULL,
              target VARCHAR(300) NOT NULL,
              stage VARCHAR(20) NOT NULL,
              position_proposal_id BIGINT,
              outcome VARCHAR(20),
              outcome_note VARCHAR(2000),
              created_by VARCHAR(100) NOT NULL,
              created_at TIMESTAMP WITH TIME ZONE NOT NULL);
            CREATE TABLE pol_stance (
              id BIGINT AUTO_INCREMENT PRIMARY KEY,
              item_id BIGINT NOT NULL REFERENCES pol_item(id),
              organisation VARCHAR(200) NOT NULL,
              stance VARCHAR(10) NOT NULL,
              named BOOLEAN NOT NULL,
              note VARCHAR(2000),
              recorded_by VARCHAR(100) NOT NULL,
              recorded_at TIMESTAMP WITH TIME ZONE NOT NULL);
            CREATE TABLE pol_demo_loaded (
              initiative_id VARCHAR(64) PRIMARY KEY);
            """));

    private final BackboneStore store;
    private final AuditLog audit;
    private final InitiativeService initiatives;
    private final InputValidator validator;
    private final DecisionService decisions;

    @Activate
    public Policy(@Reference BackboneStore store, @Reference AuditLog audit, @Reference InitiativeService initiatives,
                  @Reference InputValidator validator, @Reference DecisionService decisions) {
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

    public List<Item> items(String initiativeId) {
        initiatives.requireFunction(initiativeId, FUNCTION_ID);
        Map<Long, Proposal> proposals = decisions.proposals(initiativeId).stream()
                .collect(Collectors.toMap(Proposal::id, Function.identity()));
        Map<Long, List<Stance>> stances = currentStances(initiativeId);
        return store.read(c -> {
            List<Item> items = new ArrayList<>();
            try (PreparedStatement p = c.prepareStatement("SELECT id, title, problem, proposed_position, target_kind, "
                    + "target, stage, position_proposal_id, outcome, outcome_note, created_by, created_at FROM pol_item "
                    + "WHERE initiative_id = ? ORDER BY id")) {
                p.setString(1, initiativeId);
                try (ResultSet r = p.executeQuery()) {
                    while (r.next()) {
                        long proposalId = r.getLong(8);
                        Long proposal = r.wasNull() ? null : proposalId;
                        ProposalState decision = proposal == null || !proposals.containsKey(proposal) ? null
                                : proposals.get(proposal).state();
                        Outcome outcome = r.getString(9) == null ? null : Outcome.valueOf(r.getString(9));
                        Map<StanceKind, Long> counts = new EnumMap<>(StanceKind.class);
                        for (StanceKind k : StanceKind.values()) {
                            counts.put(k, 0L);
                        }
                        stances.getOrDefault(r.getLong(1), List.of()).forEach(s -> counts.merge(s.stance(), 1L, Long::sum));
                        items.add(new Item(r.getLong(1), initiativeId, r.getString(2), r.getString(3), r.getString(4),
                                TargetKind.valueOf(r.getString(5)), r.getString(6),
                                status(Stage.valueOf(r.getString(7)), decision, outcome), proposal, decision, outcome,
                                r.getString(10), counts, r.getString(11), r.getTimestamp(12).toInstant()));
                    }
                }
            }
            return items;
        });
    }

    public Item item(String initiativeId, long itemId) {
        return items(initiativeId).stream().filter(i -> i.id() == itemId).findFirst().orElseThrow(() ->
                new ProblemException(Problem.notFound("Initiative '" + initiativeId + "' has no policy item " + itemId + ".")));
    }

    public Item add(String initiativeId, ItemSpec spec, String actor) {
        validator.validate(spec);
        initiatives.requireFunction(initiativeId, FUNCTION_ID);
        long id = store.inTransaction(c -> {
            long created = Rows.insert(c, "INSERT INTO pol_item (initiative_id, title, problem, proposed_position, "
                    + "target_kind, target, stage, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    initiativeId, spec.title().strip(), spec.problem().strip(), spec.proposedPosition().strip(),
                    spec.targetKind().name(), spec.target().strip(), Stage.IDEA.name(), actor, Timestamp.from(Instant.now()));
            audit.record(c, actor, initiativeId, MODULE, "item.add", "policy item " + created + " '" + spec.title().strip() + "'");
            return created;
        });
        return item(initiativeId, id);
    }

    public Item changeStage(String initiativeId, long itemId, StageSpec spec, String actor) {
        validator.validate(spec);
        Item item = item(initiativeId, itemId);
        if (item.status() != Status.IDEA && item.status() != Status.RESEARCHING) {
            throw new ProblemException(Problem.conflict("Policy item " + itemId + " is " + item.status()
                    + "; its stage is settled."));
        }
        store.inTransaction(c -> {
            Rows.update(c, "UPDATE pol_item SET stage = ? WHERE id = ?", spec.stage().name(), itemId);
            audit.record(c, actor, initiativeId, MODULE, "item.stage", "policy item " + itemId + " " + spec.stage());
            return null;
        });
        return item(initiativeId, itemId);
    }

    /** Puts the item's position to the bodies; the initiative holds it only once approved. */
    public Item proposePosition(String initiativeId, long itemId, AdoptionSpec spec, String actor) {
        if (spec != null) {
            validator.validate(spec);
        }
        Item item = item(initiativeId, itemId);
        if (item.status() != Status.IDEA && item.status() != Status.RESEARCHING) {
            throw new ProblemException(Problem.conflict("Policy item " + itemId + " is " + item.status()
                    + "; only an item without a position can have one proposed."));
        }
        Proposal proposal = decisions.propose(initiativeId, new ProposalSpec(DecisionType.ADOPT_POLICY_POSITION,
                "Adopt the position on " + item.target() + ": " + item.proposedPosition(),
                spec == null ? null : spec.reason(), null, spec == null ? null : spec.expiresInDays()), MODULE, actor);
        store.inTransaction(c -> {
            Rows.update(c, "UPDATE pol_item SET position_proposal_id = ? WHERE id = ?", proposal.id(), itemId);
            audit.record(c, actor, initiativeId, MODULE, "item.propose", "position of policy item " + itemId
                    + " put to proposal " + proposal.id());
            return null;
        });
        return item(initiativeId, itemId);
    }

    /** Records how it ended: any item may be dropped; other outcomes follow an adopted position. */
    public Item recordOutcome(String initiativeId, long itemId, OutcomeSpec spec, String actor) {
        validator.validate(spec);
        Item item = item(initiativeId, itemId);
        if (item.status() == Status.CLOSED) {
            throw new ProblemException(Problem.conflict("Policy item " + itemId + " is closed (" + item.outcome() + ")."));
        }
        if (spec.outcome() != Outcome.DROPPED && item.status() != Status.POSITION_ADOPTED) {
            throw new ProblemException(Problem.invalid("Only an adopted position has an outcome.", List.of(new Violation(
                    "outcome", "policy item " + itemId + " is " + item.status() + "; it can only be DROPPED"))));
        }
        store.inTransaction(c -> {
            Rows.update(c, "UPDATE pol_item SET outcome = ?, outcome_note = ? WHERE id = ?", spec.outcome().name(),
                    spec.note(), itemId);
            audit.record(c, actor, initiativeId, MODULE, "item.outcome", "policy item " + itemId + " " + spec.outcome());
            return null;
        });
        return item(initiativeId, itemId);
    }

    /** Records a partner organisation's stance; the organisation must be one of the initiative's partners. */
    public Stance recordStance(String initiativeId, long itemId, StanceSpec spec, String actor) {
        validator.validate(spec);
        Item item = item(initiativeId, itemId);
        if (item.status() == Status.CLOSED) {
            throw new ProblemException(Problem.conflict("Policy item " + itemId + " is closed."));
        }
        String organisation = spec.organisation().strip();
        Set<String> partners = partners(initiativeId);
        List<Violation> violations = new ArrayList<>();
        String known = partners.stream().filter(p -> p.equalsIgnoreCase(organisation)).findFirst().orElse(null);
        if (known == null) {
            violations.add(new Violation("organisation", "'" + organisation + "' is not a partner of initiative '"
                    + initiativeId + "' (partners: " + String.join(", ", partners) + ")"));
        }
        boolean named = spec.named() == null || spec.named();
        if (!named && spec.stance() == StanceKind.ENDORSE) {
            violations.add(new Violation("named", "an endorsing partner is named; only a partner that does not share "
                    + "the position may ask not to be"));
        }
        if (!violations.isEmpty()) {
            throw new ProblemException(Problem.invalid("The stance cannot be recorded as sent.", violations));
        }
        Instant now = Instant.now();
        long id = store.inTransaction(c -> {
            long created = Rows.insert(c, "INSERT INTO pol_stance (item_id, organisation, stance, named, note, "
                    + "recorded_by, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?)", itemId, known, spec.stance().name(), named,
                    spec.note(), actor, Timestamp.from(now));
            audit.record(c, actor, initiativeId, MODULE, "stance.record", known + " " + spec.stance()
                    + " on policy item " + itemId + (named ? "" : " (not to be named)"));
            return created;
        });
        return new Stance(id, itemId, known, spec.stance(), named, spec.note(), actor, now);
    }

    /** Every stance ever recorded on the item, oldest first (staff view: names included, with their wish). */
    public List<Stance> stanceHistory(String initiativeId, long itemId) {
        item(initiativeId, itemId);
        return store.read(c -> {
            List<Stance> history = new ArrayList<>();
            try (PreparedStatement p = c.prepareStatement("SELECT id, organisation, stance, named, note, recorded_by, "
                    + "recorded_at FROM pol_stance WHERE item_id = ? ORDER BY id")) {
                p.setLong(1, itemId);
                try (ResultSet r = p.executeQuery()) {
                    while (r.next()) {
                        history.add(new Stance(r.getLong(1), itemId, r.getString(2), StanceKind.valueOf(r.getString(3)),
                                r.getBoolean(4), r.getString(5), r.getString(6), r.getTimestamp(7).toInstant()));
                    }
                }
            }
            return history;
        });
    }

    /** The public statement of the item's position. */
    public Statement statement(String initiativeId, long itemId) {
        Item item = item(initiativeId, itemId);
        return statement(item, current(stanceHistory(initiativeId, itemId)));
    }

    static Statement statement(Item item, List<Stance> current) {
        List<String> endorsed = names(current, StanceKind.ENDORSE);
        List<String> neutral = names(current, StanceKind.NEUTRAL);
        List<String> dissenting = names(current, StanceKind.DISSENT);
        int notNamed = (int) current.stream().filter(s -> !s.named()).count();
        return new Statement(item.id(), item.title(), item.proposedPosition(), item.target(), item.status(), endorsed,
                neutral, dissenting, notNamed);
    }

    private static List<String> names(List<Stance> current, StanceKind kind) {
        return current.stream().filter(s -> s.stance() == kind && s.named()).map(Stance::organisation).sorted().toList();
    }

    /** The latest stance of each organisation. */
    static List<Stance> current(List<Stance> history) {
        Map<String, Stance> latest = new LinkedHashMap<>();
        history.forEach(s -> latest.put(s.organisation().toLowerCase(), s));
        return List.copyOf(latest.values());
    }

    public Overview overview(String initiativeId) {
        return overview(initiativeId, items(initiativeId), partners(initiativeId).size());
    }

    static Overview overview(String initiativeId, List<Item> items, int partners) {
        Map<Status, Long> byStatus = new EnumMap<>(Status.class);
        items.forEach(i -> byStatus.merge(i.status(), 1L, Long::sum));
        List<String> attention = new ArrayList<>();
        for (Item i : items) {
            long stated = i.stances().values().stream().mapToLong(Long::longValue).sum();
            if (i.status() == Status.POSITION_PROPOSED && stated < partners) {
                attention.add("'" + i.title() + "': position being decided; " + (partners - stated) + " of " + partners
                        + " partners have not stated a stance");
            }
            long dissent = i.stances().getOrDefault(StanceKind.DISSENT, 0L);
            if (dissent > 0 && (i.status() == Status.POSITION_PROPOSED || i.status() == Status.POSITION_ADOPTED)) {
                attention.add("'" + i.title() + "': " + dissent + " partner" + (dissent == 1 ? " dissents" : "s dissent"));
            }
            if (i.lastDecision() != null && i.lastDecision() != ProposalState.OPEN
                    && i.lastDecision() != ProposalState.APPROVED && i.status() != Status.CLOSED) {
                attention.add("'" + i.title() + "': the position was not adopted (" + i.lastDecision() + ")");
            }
        }
        return new Overview(initiativeId, items.size(), byStatus, attention);
    }

    /** Items as CSV; organisations that asked not to be named are counted, not named. */
    public String export(String initiativeId) {
        CsvTable csv = new CsvTable(List.of("id", "title", "target_kind", "target", "status", "proposal", "outcome",
                "proposed_position", "endorsed_by", "neutral", "dissenting", "not_named"));
        for (Item item : items(initiativeId)) {
            Statement s = statement(item, current(stanceHistory(initiativeId, item.id())));
            csv.row(item.id(), item.title(), item.targetKind(), item.target(), item.status(), item.positionProposalId(),
                    item.outcome(), item.proposedPosition(), String.join("; ", s.endorsedBy()), String.join("; ", s.neutral()),
                    String.join("; ", s.dissenting()), s.notNamed());
        }
        return csv.toString();
    }

    static Status status(Stage stage, ProposalState decision, Outcome outcome) {
        if (outcome != null) {
            return Status.CLOSED;
        }
        if (decision == ProposalState.OPEN) {
            return Status.POSITION_PROPOSED;
        }
        if (decision == ProposalState.APPROVED) {
            return Status.POSITION_ADOPTED;
        }
        return stage == Stage.RESEARCHING ? Status.RESEARCHING : Status.IDEA;
    }

    private Set<String> partners(String initiativeId) {
        Set<String> partners = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        initiatives.members(initiativeId).stream().map(Membership::organisation)
                .filter(o -> o != null && !o.isBlank()).forEach(partners::add);
        return partners;
    }

    private Map<Long, List<Stance>> currentStances(String initiativeId) {
        Map<Long, List<Stance>> all = store.read(c -> {
            Map<Long, List<Stance>> found = new LinkedHashMap<>();
            try (PreparedStatement p = c.prepareStatement("SELECT s.id, s.item_id, s.organisation, s.stance, s.named, "
                    + "s.note, s.recorded_by, s.recorded_at FROM pol_stance s JOIN pol_item i ON i.id = s.item_id "
                    + "WHERE i.initiative_id = ? ORDER BY s.id")) {
                p.setString(1, initiativeId);
                try (ResultSet r = p.executeQuery()) {
                    while (r.next()) {
                        found.computeIfAbsent(r.getLong(2), k -> new ArrayList<>()).add(new Stance(r.getLong(1),
                                r.getLong(2), r.getString(3), StanceKind.valueOf(r.getString(4)), r.getBoolean(5),
                                r.getString(6), r.getString(7), r.getTimestamp(8).toInstant()));
                    }
                }
            }
            return found;
        });
        Map<Long, List<Stance>> current = new LinkedHashMap<>();
        all.forEach((item, history) -> current.put(item, current(history)));
        return current;
    }
}
