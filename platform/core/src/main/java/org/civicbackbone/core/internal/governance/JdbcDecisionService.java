package org.civicbackbone.core.internal.governance;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.civicbackbone.api.audit.AuditLog;
import org.civicbackbone.api.decision.DecisionListener;
import org.civicbackbone.api.decision.DecisionService;
import org.civicbackbone.api.decision.Proposal;
import org.civicbackbone.api.decision.ProposalSpec;
import org.civicbackbone.api.decision.ProposalState;
import org.civicbackbone.api.decision.Vote;
import org.civicbackbone.api.decision.VoteChoice;
import org.civicbackbone.api.decision.VoteSpec;
import org.civicbackbone.api.initiative.GovernanceBody;
import org.civicbackbone.api.initiative.Initiative;
import org.civicbackbone.api.initiative.InitiativeService;
import org.civicbackbone.api.initiative.Membership;
import org.civicbackbone.api.module.AccountabilityRule;
import org.civicbackbone.api.module.ApprovalStep;
import org.civicbackbone.api.module.BodyRequirement;
import org.civicbackbone.api.module.DecisionRule;
import org.civicbackbone.api.module.DecisionType;
import org.civicbackbone.api.module.ModuleCatalogue;
import org.civicbackbone.api.module.StructureModel;
import org.civicbackbone.api.problem.Problem;
import org.civicbackbone.api.problem.ProblemException;
import org.civicbackbone.api.store.BackboneStore;
import org.osgi.service.component.ComponentServiceObjects;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The decision engine. A proposal takes the approval chain of the initiative's structure model at the moment it is
 * made (kept with the proposal, so it is judged by the rules then in force); each step is decided by the members of
 * its body, in order, by the step's rule ({@link StepTally}); members of the beneficiary organisation may not vote.
 * Votes are appended, never updated. Outcomes are announced to {@link DecisionListener}s after commit.
 */
@Component(service = DecisionService.class)
public class JdbcDecisionService implements DecisionService {

    private static final Logger LOG = LoggerFactory.getLogger(JdbcDecisionService.class);
    private static final String MODULE = "core";

    private final BackboneStore store;
    private final AuditLog audit;
    private final InitiativeService initiatives;
    private final ModuleCatalogue catalogue;
    private final Clock clock;
    private final List<ComponentServiceObjects<DecisionListener>> listeners = new java.util.concurrent.CopyOnWriteArrayList<>();

    @Activate
    public JdbcDecisionService(@Reference BackboneStore store, @Reference AuditLog audit,
                               @Reference InitiativeService initiatives, @Reference ModuleCatalogue catalogue) {
        this(store, audit, initiatives, catalogue, Clock.systemUTC());
    }

    JdbcDecisionService(BackboneStore store, AuditLog audit, InitiativeService initiatives, ModuleCatalogue catalogue,
                        Clock clock) {
        this.store = store;
        this.audit = audit;
        this.initiatives = initiatives;
        this.catalogue = catalogue;
        this.clock = clock;
        store.migrate(org.civicbackbone.core.internal.CoreSchema.MODULE, org.civicbackbone.core.internal.CoreSchema.MIGRATIONS);
    }

    // Bound as service objects, fetched only when announcing: a listener that itself needs this service is then
    // not activated while this one is (SCR would see a circular reference and fail one of them for a while).
    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC, service = DecisionListener.class)
    void addListener(ComponentServiceObjects<DecisionListener> listener) {
        listeners.add(listener);
    }

    void removeListener(ComponentServiceObjects<DecisionListener> listener) {
        listeners.remove(listener);
    }

    private Initiative initiative(String initiativeId) {
        return initiatives.find(initiativeId).orElseThrow(() -> new ProblemException(
                Problem.notFound("There is no initiative '" + initiativeId + "'.")));
    }

    /** The model module of the initiative, or a 409 problem naming the missing module. */
    private StructureModel model(Initiative initiative) {
        return catalogue.structureModel(initiative.structureModelId()).orElseThrow(() -> new ProblemException(
                new Problem("urn:civicbackbone:problem:model-not-installed", "Structure model not installed", 409,
                        "Initiative '" + initiative.id() + "' is governed by the '" + initiative.structureModelId()
                                + "' model, whose module 'structure-" + initiative.structureModelId()
                                + "' is not installed: governed actions are refused until it is.", List.of())));
    }

    @Override
    public List<String> setupProblems(String initiativeId) {
        Initiative initiative = initiative(initiativeId);
        var model = catalogue.structureModel(initiative.structureModelId());
        if (model.isEmpty()) {
            return List.of(initiative.structureModelId() + ": the module 'structure-" + initiative.structureModelId()
                    + "' is not installed");
        }
        List<GovernanceBody> bodies = initiatives.bodies(initiativeId);
        List<Membership> members = initiatives.members(initiativeId);
        List<String> problems = new ArrayList<>();
        Set<String> voting = new LinkedHashSet<>();
        for (AccountabilityRule rule : model.get().accountabilityRules()) {
            rule.steps().forEach(s -> voting.add(s.bodyType()));
        }
        for (BodyRequirement required : model.get().requiredBodies()) {
            List<GovernanceBody> ofType = bodies.stream().filter(b -> b.type().equals(required.bodyType())).toList();
            if (ofType.isEmpty()) {
                problems.add(model.get().id() + ": no " + required.name().toLowerCase(Locale.ROOT) + " designated"
                        + " (a body of type '" + required.bodyType() + "')");
            } else if (ofType.stream().noneMatch(b -> members.stream().anyMatch(m -> m.bodyId() == b.id()))) {
                problems.add(model.get().id() + ": the " + required.name().toLowerCase(Locale.ROOT) + " has no members");
            } else if (voting.contains(required.bodyType()) && ofType.stream().noneMatch(b -> members.stream()
                    .anyMatch(m -> m.bodyId() == b.id() && m.username() != null))) {
                problems.add(model.get().id() + ": no member of the " + required.name().toLowerCase(Locale.ROOT)
                        + " has a login, so it cannot vote");
            }
        }
        return problems;
    }

    /** The logins that may vote for a body type: members with a login, minus those of the beneficiary. */
    private List<Membership> voters(String initiativeId, String bodyType, String beneficiary) {
        Set<Long> bodyIds = new LinkedHashSet<>();
        initiatives.bodies(initiativeId).stream().filter(b -> b.type().equals(bodyType)).forEach(b -> bodyIds.add(b.id()));
        Map<String, Membership> byLogin = new LinkedHashMap<>();
        for (Membership m : initiatives.members(initiativeId)) {
            if (bodyIds.contains(m.bodyId()) && m.username() != null && !conflicted(m, beneficiary)) {
                byLogin.putIfAbsent(m.username(), m);
            }
        }
        return List.copyOf(byLogin.values());
    }

    private static boolean conflicted(Membership member, String beneficiary) {
        return beneficiary != null && member.organisation() != null
                && member.organisation().strip().equalsIgnoreCase(beneficiary.strip());
    }

    @Override
    public Proposal propose(String initiativeId, ProposalSpec spec, String module, String actor) {
        Initiative initiative = initiative(initiativeId);
        StructureModel model = model(initiative);
        List<AccountabilityRule> inForce = store.read(c -> RuleSteps.inForce(c, initiativeId, model.id(),
                model.accountabilityRules()));
        AccountabilityRule rule = inForce.stream()
                .filter(r -> r.decisionType() == spec.type()).findFirst()
                .orElseThrow(() -> new ProblemException(Problem.conflict("The '" + model.id()
                        + "' model has no rule for " + spec.type() + ".")));
        if (rule.steps().isEmpty() || rule.steps().stream().anyMatch(s -> s.rule() == DecisionRule.NOT_PERMITTED)) {
            throw new ProblemException(new Problem("urn:civicbackbone:problem:decision-not-permitted",
                    "Decision not permitted", 409, model.name() + ": " + spec.type() + " is not permitted. "
                            + rule.rationale(), List.of()));
        }
        for (ApprovalStep step : rule.steps()) {
            List<Membership> voters = voters(initiativeId, step.bodyType(), spec.beneficiary());
            if (voters.isEmpty()) {
                boolean anyone = !voters(initiativeId, step.bodyType(), null).isEmpty();
                throw new ProblemException(Problem.conflict(anyone
                        ? "Conflict of interest: every member of the '" + step.bodyType() + "' who could vote belongs to '"
                                + spec.beneficiary() + "', which would benefit; the decision needs other approvers."
                        : model.id() + ": no member of a '" + step.bodyType() + "' body can vote, so "
                                + spec.type() + " cannot be decided. Add the body and its members first."));
            }
        }
        Instant now = Instant.now(clock);
        int days = spec.expiresInDays() == null ? 14 : spec.expiresInDays();
        long id = store.inTransaction(c -> {
            long proposalId;
            try (PreparedStatement p = c.prepareStatement("INSERT INTO gov_proposal (initiative_id, type, title, "
                    + "description, beneficiary, module, model_id, rationale, proposed_by, state, created_at, expires_at) "
                    + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'OPEN', ?, ?)", new String[] {"ID"})) {
                p.setString(1, initiativeId);
                p.setString(2, spec.type().name());
                p.setString(3, spec.title().strip());
                p.setString(4, spec.description());
                p.setString(5, spec.beneficiary() == null || spec.beneficiary().isBlank() ? null : spec.beneficiary().strip());
                p.setString(6, module);
                p.setString(7, model.id());
                p.setString(8, rule.rationale());
                p.setString(9, actor);
                p.setTimestamp(10, Timestamp.from(now));
                p.setTimestamp(11, Timestamp.from(now.plus(Duration.ofDays(days))));
                p.executeUpdate();
                try (ResultSet keys = p.getGeneratedKeys()) {
                    keys.next();
                    proposalId = keys.getLong(1);
                }
            }
            try (PreparedStatement p = c.prepareStatement(
                    "INSERT INTO gov_step (proposal_id, step_index, body_type, rule, state) VALUES (?, ?, ?, ?, ?)")) {
                for (int i = 0; i < rule.steps().size(); i++) {
                    p.setLong(1, proposalId);
                    p.setInt(2, i);
                    p.setString(3, rule.steps().get(i).bodyType());
                    p.setString(4, rule.steps().get(i).rule().name());
                    p.setString(5, i == 0 ? "OPEN" : "PENDING");
                    p.addBatch();
                }
                p.executeBatch();
            }
            audit.record(c, actor, initiativeId, module, "proposal.create",
                    "proposal " + proposalId + " " + spec.type() + " '" + spec.title().strip() + "'");
            return proposalId;
        });
        return proposal(initiativeId, id);
    }

    @Override
    public Proposal vote(String initiativeId, long proposalId, VoteSpec vote, String actor) {
        Proposal current = proposal(initiativeId, proposalId);
        if (current.state() != ProposalState.OPEN) {
            throw new ProblemException(Problem.conflict("Proposal " + proposalId + " is already "
                    + current.state().name().toLowerCase(Locale.ROOT) + "."));
        }
        Proposal.Step step = current.steps().stream().filter(s -> s.state().equals("OPEN")).findFirst().orElseThrow();
        List<Membership> all = voters(initiativeId, step.bodyType(), null);
        Membership member = all.stream().filter(m -> m.username().equals(actor)).findFirst()
                .orElseThrow(() -> new ProblemException(new Problem("urn:civicbackbone:problem:not-a-voter",
                        "Not a voter", 403, "Only members of the '" + step.bodyType() + "' body vote on step "
                        + (step.index() + 1) + " of proposal " + proposalId + "; '" + actor + "' is not one.", List.of())));
        if (conflicted(member, current.beneficiary())) {
            throw new ProblemException(Problem.conflict("Conflict of interest: '" + actor + "' sits for '"
                    + member.organisation() + "', which would benefit from proposal " + proposalId
                    + ", and cannot vote on it."));
        }
        Proposal decided = store.inTransaction(c -> {
            try (PreparedStatement p = c.prepareStatement("INSERT INTO gov_vote (proposal_id, step_index, voter, "
                    + "organisation, choice, reason, cast_at) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                p.setLong(1, proposalId);
                p.setInt(2, step.index());
                p.setString(3, actor);
                p.setString(4, member.organisation());
                p.setString(5, vote.choice().name());
                p.setString(6, vote.reason().strip());
                p.setTimestamp(7, Timestamp.from(Instant.now(clock)));
                p.executeUpdate();
            }
            audit.record(c, actor, initiativeId, MODULE, "proposal.vote", "proposal " + proposalId + " step "
                    + (step.index() + 1) + ": " + vote.choice());
            return advance(c, initiativeId, proposalId, false);
        });
        announce(decided);
        return proposal(initiativeId, proposalId);
    }

    @Override
    public Proposal withdraw(String initiativeId, long proposalId, String actor, boolean admin) {
        Proposal current = proposal(initiativeId, proposalId);
        if (!admin && !current.proposedBy().equals(actor)) {
            throw new ProblemException(new Problem("urn:civicbackbone:problem:forbidden", "Forbidden", 403,
                    "Only the proposer or a platform admin may withdraw proposal " + proposalId + ".", List.of()));
        }
        if (current.state() != ProposalState.OPEN) {
            throw new ProblemException(Problem.conflict("Proposal " + proposalId + " is already "
                    + current.state().name().toLowerCase(Locale.ROOT) + "."));
        }
        store.inTransaction(c -> {
            finish(c, proposalId, ProposalState.WITHDRAWN);
            audit.record(c, actor, initiativeId, current.module(), "proposal.withdraw", "proposal " + proposalId);
            return null;
        });
        Proposal withdrawn = proposal(initiativeId, proposalId);
        announce(withdrawn);
        return withdrawn;
    }

    /**
     * Decides open steps as far as the votes allow; with {@code closing}, the time is up. Returns the proposal if
     * this call decided it, else null.
     */
    private Proposal advance(Connection c, String initiativeId, long proposalId, boolean closing) throws SQLException {
        Proposal proposal = load(c, initiativeId, proposalId);
        while (proposal.state() == ProposalState.OPEN) {
            Proposal.Step step = proposal.steps().stream().filter(s -> s.state().equals("OPEN")).findFirst().orElseThrow();
            List<Membership> eligible = voters(initiativeId, step.bodyType(), proposal.beneficiary());
            Set<String> logins = new LinkedHashSet<>();
            eligible.forEach(m -> logins.add(m.username()));
            Map<String, VoteChoice> latest = new LinkedHashMap<>();
            for (Vote v : votes(c, proposalId)) {
                if (v.stepIndex() == step.index() && logins.contains(v.voter())) {
                    latest.put(v.voter(), v.choice());
                }
            }
            StepTally.Result result = StepTally.evaluate(step.rule(), logins.size(), latest.values(), closing);
            switch (result) {
                case OPEN -> {
                    return null;
                }
                case APPROVED -> {
                    setStep(c, proposalId, step.index(), "APPROVED");
                    if (step.index() + 1 < proposal.steps().size()) {
                        setStep(c, proposalId, step.index() + 1, "OPEN");
                        if (closing) {
                            finish(c, proposalId, ProposalState.EXPIRED);
                        }
                    } else {
                        finish(c, proposalId, ProposalState.APPROVED);
                    }
                }
                case REJECTED -> {
                    setStep(c, proposalId, step.index(), "REJECTED");
                    finish(c, proposalId, ProposalState.REJECTED);
                }
                case NO_QUORUM -> finish(c, proposalId, ProposalState.EXPIRED);
                default -> throw new IllegalStateException(result.name());
            }
            proposal = load(c, initiativeId, proposalId);
        }
        audit.record(c, "system", initiativeId, proposal.module(), "proposal.decided",
                "proposal " + proposalId + " " + proposal.state());
        return proposal;
    }

    private static void setStep(Connection c, long proposalId, int index, String state) throws SQLException {
        try (PreparedStatement p = c.prepareStatement(
                "UPDATE gov_step SET state = ? WHERE proposal_id = ? AND step_index = ?")) {
            p.setString(1, state);
            p.setLong(2, proposalId);
            p.setInt(3, index);
            p.executeUpdate();
        }
    }

    private void finish(Connection c, long proposalId, ProposalState state) throws SQLException {
        try (PreparedStatement p = c.prepareStatement(
                "UPDATE gov_proposal SET state = ?, decided_at = ? WHERE id = ? AND state = 'OPEN'")) {
            p.setString(1, state.name());
            p.setTimestamp(2, Timestamp.from(Instant.now(clock)));
            p.setLong(3, proposalId);
            p.executeUpdate();
        }
    }

    private void announce(Proposal decided) {
        if (decided == null || decided.state() == ProposalState.OPEN) {
            return;
        }
        for (ComponentServiceObjects<DecisionListener> objects : listeners) {
            DecisionListener listener = null;
            try {
                listener = objects.getService();
                if (listener != null) {
                    listener.decided(decided);
                }
            } catch (RuntimeException e) {
                LOG.error("Decision listener {} failed on proposal {}", objects.getServiceReference(), decided.id(), e);
            } finally {
                if (listener != null) {
                    objects.ungetService(listener);
                }
            }
        }
    }

    /** Expires open proposals whose time is up, deciding them on the votes in. */
    private void settle(String initiativeId) {
        List<Long> due = store.read(c -> {
            List<Long> ids = new ArrayList<>();
            try (PreparedStatement p = c.prepareStatement("SELECT id FROM gov_proposal WHERE initiative_id = ? "
                    + "AND state = 'OPEN' AND expires_at <= ?")) {
                p.setString(1, initiativeId);
                p.setTimestamp(2, Timestamp.from(Instant.now(clock)));
                try (ResultSet r = p.executeQuery()) {
                    while (r.next()) {
                        ids.add(r.getLong(1));
                    }
                }
            }
            return ids;
        });
        for (long id : due) {
            announce(store.inTransaction(c -> advance(c, initiativeId, id, true)));
        }
    }

    @Override
    public Proposal proposal(String initiativeId, long proposalId) {
        initiative(initiativeId);
        settle(initiativeId);
        return store.read(c -> load(c, initiativeId, proposalId));
    }

    @Override
    public List<Vote> votes(String initiativeId, long proposalId) {
        proposal(initiativeId, proposalId);
        return store.read(c -> votes(c, proposalId));
    }

    @Override
    public List<Proposal> proposals(String initiativeId) {
        initiative(initiativeId);
        settle(initiativeId);
        return store.read(c -> {
            List<Long> ids = new ArrayList<>();
            try (PreparedStatement p = c.prepareStatement(
                    "SELECT id FROM gov_proposal WHERE initiative_id = ? ORDER BY id DESC")) {
                p.setString(1, initiativeId);
                try (ResultSet r = p.executeQuery()) {
                    while (r.next()) {
                        ids.add(r.getLong(1));
                    }
                }
            }
            List<Proposal> all = new ArrayList<>();
            for (long id : ids) {
                all.add(load(c, initiativeId, id));
            }
            return all;
        });
    }

    private static Proposal load(Connection c, String initiativeId, long proposalId) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("SELECT id, initiative_id, type, title, description, beneficiary, "
                + "module, model_id, rationale, proposed_by, state, created_at, expires_at, decided_at "
                + "FROM gov_proposal WHERE id = ? AND initiative_id = ?")) {
            p.setLong(1, proposalId);
            p.setString(2, initiativeId);
            try (ResultSet r = p.executeQuery()) {
                if (!r.next()) {
                    throw new ProblemException(Problem.notFound("Initiative '" + initiativeId + "' has no proposal "
                            + proposalId + "."));
                }
                List<Proposal.Step> steps = new ArrayList<>();
                try (PreparedStatement s = c.prepareStatement("SELECT step_index, body_type, rule, state FROM gov_step "
                        + "WHERE proposal_id = ? ORDER BY step_index")) {
                    s.setLong(1, proposalId);
                    try (ResultSet sr = s.executeQuery()) {
                        while (sr.next()) {
                            steps.add(new Proposal.Step(sr.getInt(1), sr.getString(2),
                                    DecisionRule.valueOf(sr.getString(3)), sr.getString(4)));
                        }
                    }
                }
                Timestamp decided = r.getTimestamp(14);
                return new Proposal(r.getLong(1), r.getString(2), DecisionType.valueOf(r.getString(3)), r.getString(4),
                        r.getString(5), r.getString(6), r.getString(7), r.getString(8), r.getString(9), r.getString(10),
                        ProposalState.valueOf(r.getString(11)), steps, r.getTimestamp(12).toInstant(),
                        r.getTimestamp(13).toInstant(), decided == null ? null : decided.toInstant());
            }
        }
    }

    private static List<Vote> votes(Connection c, long proposalId) throws SQLException {
        List<Vote> votes = new ArrayList<>();
        try (PreparedStatement p = c.prepareStatement("SELECT id, step_index, voter, organisation, choice, reason, "
                + "cast_at FROM gov_vote WHERE proposal_id = ? ORDER BY id")) {
            p.setLong(1, proposalId);
            try (ResultSet r = p.executeQuery()) {
                while (r.next()) {
                    votes.add(new Vote(r.getLong(1), proposalId, r.getInt(2), r.getString(3), r.getString(4),
                            VoteChoice.valueOf(r.getString(5)), r.getString(6), r.getTimestamp(7).toInstant()));
                }
            }
        }
        return votes;
    }
}
