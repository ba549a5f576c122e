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
import org.civicbackbone.api.decision.GovernedAction;
import org.civicbackbone.api.decision.Proposal;
import org.civicbackbone.api.decision.ProposalSpec;
import org.civicbackbone.api.decision.ProposalState;
import org.civicbackbone.api.decision.Vote;
import org.civicbackbone.api.decision.VoteChoice;
import org.civicbackbone.api.decision.VoteSpec;
import org.civicbackbone.api.initiative.Initiative;
import org.civicbackbone.api.initiative.InitiativeService;
import org.civicbackbone.api.initiative.Membership;
import org.civicbackbone.api.initiative.Organisation;
import org.civicbackbone.api.initiative.OrganisationRegistry;
import org.civicbackbone.api.module.AccountabilityRule;
import org.civicbackbone.api.module.ApprovalStep;
import org.civicbackbone.api.module.DecisionRule;
import org.civicbackbone.api.module.ModuleCatalogue;
import org.civicbackbone.api.module.StructureModel;
import org.civicbackbone.api.problem.Problem;
import org.civicbackbone.api.problem.ProblemException;
import org.civicbackbone.api.store.BackboneStore;
import org.civicbackbone.core.internal.BodyRecords;
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
 * Votes are appended, never updated. Voting, expiry and withdrawal each lock the proposal's row, so a proposal is
 * decided once and no vote lands after the decision; only the transaction that decided it announces the outcome to
 * {@link DecisionListener}s, after commit. The voters of every step are fixed when the proposal opens.
 */
@Component(service = {DecisionService.class, GovernanceSweep.class})
public class JdbcDecisionService implements DecisionService, GovernanceSweep {

    private static final Logger LOG = LoggerFactory.getLogger(JdbcDecisionService.class);
    private static final String MODULE = "core";

    private final BackboneStore store;
    private final AuditLog audit;
    private final InitiativeService initiatives;
    private final ModuleCatalogue catalogue;
    private final Clock clock;
    private final OrganisationRegistry organisations;
    private final List<ComponentServiceObjects<DecisionListener>> listeners = new java.util.concurrent.CopyOnWriteArrayList<>();

    @Activate
    public JdbcDecisionService(@Reference BackboneStore store, @Reference AuditLog audit,
                               @Reference InitiativeService initiatives, @Reference ModuleCatalogue catalogue,
                               @Reference OrganisationRegistry organisations) {
        this(store, audit, initiatives, catalogue, organisations, Clock.systemUTC());
    }

    JdbcDecisionService(BackboneStore store, AuditLog audit, InitiativeService initiatives, ModuleCatalogue catalogue,
                        OrganisationRegistry organisations, Clock clock) {
        this.organisations = organisations;
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

    /** The realm's logins, when they can be listed: seats naming a login that does not exist are set-up problems. */
    private volatile RealmLogins logins;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    void bindLogins(RealmLogins logins) {
        this.logins = logins;
    }

    void unbindLogins(RealmLogins logins) {
        if (this.logins == logins) {
            this.logins = null;
        }
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
        return SetupProblems.of(initiative, catalogue.structureModel(initiative.structureModelId()).orElse(null),
                initiatives.bodies(initiativeId), initiatives.members(initiativeId), logins);
    }

    /** The logins that may vote for a body type: members with a login, minus those of the beneficiary. */
    private List<Membership> voters(String initiativeId, String bodyType, Beneficiary beneficiary) {
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

    private static boolean conflicted(Membership member, Beneficiary beneficiary) {
        return beneficiary.sitsFor(member);
    }

    /** The organisation a proposal names as beneficiary, with its registry record when there is one. */
    private Beneficiary beneficiary(String initiativeId, String name) {
        return name == null || name.isBlank() ? Beneficiary.NONE : new Beneficiary(name,
                organisations.resolve(initiativeId, name).map(Organisation::id).orElse(null));
    }

    /**
     * Who votes on a step: the seats fixed when the proposal opened; for a proposal opened before seats were
     * recorded, the body's members now.
     */
    private List<Seat> seats(Connection c, String initiativeId, Proposal proposal, Proposal.Step step)
            throws SQLException {
        List<Seat> recorded = ProposalRecords.recordedSeats(c, proposal.id(), step.index());
        if (recorded != null) {
            return recorded;
        }
        List<Seat> seats = new ArrayList<>();
        Beneficiary beneficiary = beneficiary(initiativeId, proposal.beneficiary());
        for (Membership m : voters(initiativeId, step.bodyType(), Beneficiary.NONE)) {
            seats.add(new Seat(m.username(), m.organisation(), conflicted(m, beneficiary)));
        }
        return seats;
    }

    @Override
    public Proposal propose(String initiativeId, ProposalSpec spec, String module, String actor) {
        return propose(initiativeId, spec, module, actor, (c, proposal) -> proposal);
    }

    @Override
    public <T> T propose(String initiativeId, ProposalSpec spec, String module, String actor,
                         GovernedAction<T> action) {
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
        Beneficiary beneficiary = beneficiary(initiativeId, spec.beneficiary());
        List<List<Seat>> seats = new ArrayList<>();
        for (ApprovalStep step : rule.steps()) {
            List<Membership> all = voters(initiativeId, step.bodyType(), Beneficiary.NONE);
            if (all.stream().allMatch(m -> conflicted(m, beneficiary))) {
                throw new ProblemException(Problem.conflict(!all.isEmpty()
                        ? "Conflict of interest: every member of the '" + step.bodyType() + "' who could vote belongs to '"
                                + spec.beneficiary() + "', which would benefit; the decision needs other approvers."
                        : model.id() + ": no member of a '" + step.bodyType() + "' body can vote, so "
                                + spec.type() + " cannot be decided. Add the body and its members first."));
            }
            seats.add(all.stream().map(m -> new Seat(m.username(), m.organisation(), conflicted(m, beneficiary)))
                    .toList());
        }
        Instant now = Instant.now(clock);
        int days = spec.expiresInDays() == null ? 14 : spec.expiresInDays();
        if (days < 1 || days > 90) { // whichever module built the spec, a vote lasts one day to three months
            throw ProblemException.invalid("expiresInDays", "must be between 1 and 90");
        }
        return store.inTransaction(c -> {
            long proposalId = ProposalRecords.open(c, initiativeId, spec, module, model.id(), rule, actor, now,
                    now.plus(Duration.ofDays(days)), seats);
            audit.record(c, actor, initiativeId, module, "proposal.create",
                    "proposal " + proposalId + " " + spec.type() + " '" + spec.title().strip() + "'");
            return action.record(c, ProposalRecords.load(store, c, initiativeId, proposalId));
        });
    }

    @Override
    public Proposal vote(String initiativeId, long proposalId, VoteSpec vote, String actor) {
        initiative(initiativeId);
        Proposal decided = store.inTransaction(c -> { // a proposal whose time is up is refused below, settled or not
            ProposalRecords.lock(c, initiativeId, proposalId);
            Proposal current = ProposalRecords.load(store, c, initiativeId, proposalId);
            if (current.state() != ProposalState.OPEN) {
                throw new ProblemException(Problem.conflict("Proposal " + proposalId + " is already "
                        + current.state().name().toLowerCase(Locale.ROOT) + "."));
            }
            if (!Instant.now(clock).isBefore(current.expiresAt())) {
                throw new ProblemException(Problem.conflict("Voting on proposal " + proposalId + " closed at "
                        + current.expiresAt() + "."));
            }
            Proposal.Step step = current.steps().stream().filter(s -> s.state().equals("OPEN")).findFirst().orElseThrow();
            Seat seat = seats(c, initiativeId, current, step).stream().filter(s -> s.voter().equals(actor)).findFirst()
                    .orElseThrow(() -> new ProblemException(new Problem("urn:civicbackbone:problem:not-a-voter",
                            "Not a voter", 403, "Only members of the '" + step.bodyType() + "' body seated when proposal "
                            + proposalId + " opened vote on step " + (step.index() + 1) + "; '" + actor
                            + "' is not one.", List.of())));
            if (store.mapper(c, BodyRecords.class).seatsHeld(initiativeId, step.bodyType(), actor) == 0) {
                throw new ProblemException(new Problem("urn:civicbackbone:problem:not-a-voter", "Not a voter", 403,
                        "'" + actor + "' no longer holds a seat on a '" + step.bodyType() + "' body: a retired seat "
                                + "votes on nothing.", List.of()));
            }
            if (seat.conflicted()) {
                throw new ProblemException(Problem.conflict("Conflict of interest: '" + actor + "' sits for '"
                        + seat.organisation() + "', which would benefit from proposal " + proposalId
                        + ", and cannot vote on it."));
            }
            try (PreparedStatement p = c.prepareStatement("INSERT INTO gov_vote (proposal_id, step_index, voter, "
                    + "organisation, choice, reason, cast_at) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                p.setLong(1, proposalId);
                p.setInt(2, step.index());
                p.setString(3, actor);
                p.setString(4, seat.organisation());
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
        initiative(initiativeId);
        settle(initiativeId); // a proposal whose time is up expires rather than being withdrawn
        Proposal withdrawn = store.inTransaction(c -> {
            ProposalRecords.lock(c, initiativeId, proposalId);
            Proposal current = ProposalRecords.load(store, c, initiativeId, proposalId);
            if (!admin && !current.proposedBy().equals(actor)) {
                throw new ProblemException(new Problem("urn:civicbackbone:problem:forbidden", "Forbidden", 403,
                        "Only the proposer or a platform admin may withdraw proposal " + proposalId + ".", List.of()));
            }
            if (current.state() != ProposalState.OPEN) {
                throw new ProblemException(Problem.conflict("Proposal " + proposalId + " is already "
                        + current.state().name().toLowerCase(Locale.ROOT) + "."));
            }
            ProposalRecords.finish(c, proposalId, ProposalState.WITHDRAWN, Instant.now(clock));
            audit.record(c, actor, initiativeId, current.module(), "proposal.withdraw", "proposal " + proposalId);
            return ProposalRecords.load(store, c, initiativeId, proposalId);
        });
        announce(withdrawn);
        return withdrawn;
    }

    /**
     * Decides open steps as far as the votes allow; with {@code closing}, the time is up. Returns the proposal if
     * this call decided it, else null.
     */
    private Proposal advance(Connection c, String initiativeId, long proposalId, boolean closing) throws SQLException {
        Proposal proposal = ProposalRecords.load(store, c, initiativeId, proposalId);
        while (proposal.state() == ProposalState.OPEN) {
            Proposal.Step step = proposal.steps().stream().filter(s -> s.state().equals("OPEN")).findFirst().orElseThrow();
            Set<String> logins = new LinkedHashSet<>();
            seats(c, initiativeId, proposal, step).stream().filter(s -> !s.conflicted()).forEach(s -> logins.add(s.voter()));
            Map<String, VoteChoice> latest = new LinkedHashMap<>();
            for (Vote v : ProposalRecords.votes(c, proposalId)) {
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
                    ProposalRecords.setStep(c, proposalId, step.index(), "APPROVED");
                    if (step.index() + 1 < proposal.steps().size()) {
                        ProposalRecords.setStep(c, proposalId, step.index() + 1, "OPEN");
                        if (closing) {
                            ProposalRecords.finish(c, proposalId, ProposalState.EXPIRED, Instant.now(clock));
                        }
                    } else {
                        ProposalRecords.finish(c, proposalId, ProposalState.APPROVED, Instant.now(clock));
                    }
                }
                case REJECTED -> {
                    ProposalRecords.setStep(c, proposalId, step.index(), "REJECTED");
                    ProposalRecords.finish(c, proposalId, ProposalState.REJECTED, Instant.now(clock));
                }
                case NO_QUORUM -> ProposalRecords.finish(c, proposalId, ProposalState.EXPIRED, Instant.now(clock));
                default -> throw new IllegalStateException(result.name());
            }
            proposal = ProposalRecords.load(store, c, initiativeId, proposalId);
        }
        audit.record(c, "system", initiativeId, proposal.module(), "proposal.decided",
                "proposal " + proposalId + " " + proposal.state());
        return proposal;
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
    private int settle(String initiativeId) {
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
            announce(store.inTransaction(c -> {
                ProposalRecords.lock(c, initiativeId, id);
                return ProposalRecords.load(store, c, initiativeId, id).state() == ProposalState.OPEN ? advance(c, initiativeId, id, true) : null;
            }));
        }
        return due.size();
    }

    /** Decides every open proposal of every initiative whose time is up; run by the {@link GovernanceClock}. */
    @Override
    public int sweep() {
        List<String> initiativeIds = store.read(c -> {
            List<String> ids = new ArrayList<>();
            try (PreparedStatement p = c.prepareStatement("SELECT DISTINCT initiative_id FROM gov_proposal "
                    + "WHERE state = 'OPEN' AND expires_at <= ?")) {
                p.setTimestamp(1, Timestamp.from(Instant.now(clock)));
                try (ResultSet r = p.executeQuery()) {
                    while (r.next()) {
                        ids.add(r.getString(1));
                    }
                }
            }
            return ids;
        });
        return initiativeIds.stream().mapToInt(this::settle).sum();
    }

    @Override
    public Proposal proposal(String initiativeId, long proposalId) {
        initiative(initiativeId);
        return store.read(c -> ProposalRecords.load(store, c, initiativeId, proposalId));
    }

    @Override
    public List<Vote> votes(String initiativeId, long proposalId) {
        proposal(initiativeId, proposalId);
        return store.read(c -> ProposalRecords.votes(c, proposalId));
    }

    @Override
    public List<Proposal> proposals(String initiativeId) {
        initiative(initiativeId);
        return store.read(c -> store.mapper(c, ProposalRows.class).all(initiativeId));
    }

}
