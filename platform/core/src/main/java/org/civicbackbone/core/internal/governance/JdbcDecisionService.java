package org.civicbackbone.core.internal.governance;

import java.sql.Connection;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.civicbackbone.api.audit.AuditLog;
import org.civicbackbone.api.decision.DecisionListener;
import org.civicbackbone.api.decision.DecisionService;
import org.civicbackbone.api.decision.GovernedAction;
import org.civicbackbone.api.decision.Proposal;
import org.civicbackbone.api.decision.ProposalSpec;
import org.civicbackbone.api.decision.ProposalState;
import org.civicbackbone.api.decision.Vote;
import org.civicbackbone.api.decision.VoteSpec;
import org.civicbackbone.api.initiative.Initiative;
import org.civicbackbone.api.initiative.InitiativeService;
import org.civicbackbone.api.initiative.OrganisationRegistry;
import org.civicbackbone.api.module.AccountabilityRule;
import org.civicbackbone.api.module.ModuleCatalogue;
import org.civicbackbone.api.module.StructureModel;
import org.civicbackbone.api.problem.Problem;
import org.civicbackbone.api.problem.ProblemException;
import org.civicbackbone.api.store.BackboneStore;
import org.civicbackbone.core.internal.BodyRecords;
import org.civicbackbone.core.internal.CoreSchema;
import org.civicbackbone.core.internal.InitiativeRecords;
import org.civicbackbone.core.internal.Listeners;
import org.osgi.service.component.ComponentServiceObjects;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

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

    private static final String MODULE = "core";

    private final BackboneStore store;
    private final AuditLog audit;
    private final InitiativeService initiatives;
    private final ModuleCatalogue catalogue;
    private final Clock clock;
    private final Electorate electorate;
    private final ProposalProgress progress;
    private final Listeners<DecisionListener> listeners = new Listeners<>();

    @Activate
    public JdbcDecisionService(@Reference BackboneStore store, @Reference AuditLog audit,
                               @Reference InitiativeService initiatives, @Reference ModuleCatalogue catalogue,
                               @Reference OrganisationRegistry organisations) {
        this(store, audit, initiatives, catalogue, organisations, Clock.systemUTC());
    }

    JdbcDecisionService(BackboneStore store, AuditLog audit, InitiativeService initiatives, ModuleCatalogue catalogue,
                        OrganisationRegistry organisations, Clock clock) {
        this.electorate = new Electorate(store, organisations);
        this.progress = new ProposalProgress(electorate, audit, clock);
        this.store = store;
        this.audit = audit;
        this.initiatives = initiatives;
        this.catalogue = catalogue;
        this.clock = clock;
        store.migrate(CoreSchema.MODULE, CoreSchema.MIGRATIONS);
    }

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

    private ProposalRecords records(Connection c) {
        return store.mapper(c, ProposalRecords.class);
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
        Beneficiary named = electorate.beneficiary(initiativeId, spec.beneficiary());
        Instant now = Instant.now(clock);
        int days = spec.expiresInDays() == null ? 14 : spec.expiresInDays();
        if (days < 1 || days > 90) { // whichever module built the spec, a vote lasts one day to three months
            throw ProblemException.invalid("expiresInDays", "must be between 1 and 90");
        }
        return store.inTransaction(c -> {
            // the model, its rule and who votes are read under this lock, which every change of them takes first (a
            // direct or governed change of model, an adopted rule, a merge of organisations): a change either ended
            // before these reads or comes after this proposal, which it then finds open
            store.holdUntilCommit(c, CoreSchema.proposalsLock(initiativeId)); // a twin open at the same moment is seen
            String modelNow = store.mapper(c, InitiativeRecords.class).byId(initiativeId).structureModelId();
            if (!modelNow.equals(model.id())) { // its rule and seats were read under the model it had then
                throw new ProblemException(Problem.conflict("The initiative's structure model changed from '"
                        + model.id() + "' to '" + modelNow + "' while the proposal was prepared; nothing was proposed: "
                        + "propose it again."));
            }
            AccountabilityRule rule = store.mapper(c, RuleRecords.class).ruleFor(initiativeId, model, spec.type());
            Beneficiary beneficiary = electorate.held(c, initiativeId, named);
            List<List<Seat>> seats = electorate.seatsFor(c, initiativeId, model.id(), spec.type().name(), rule.steps(),
                    beneficiary);
            long proposalId = records(c).open(initiativeId, spec, module, model.id(), rule, actor, now,
                    now.plus(Duration.ofDays(days)), seats);
            audit.record(c, actor, initiativeId, module, "proposal.create",
                    "proposal " + proposalId + " " + spec.type() + " '" + spec.title().strip() + "'");
            return action.record(c, records(c).load(initiativeId, proposalId));
        });
    }

    @Override
    public Proposal vote(String initiativeId, long proposalId, VoteSpec vote, String actor) {
        initiative(initiativeId);
        Proposal decided = store.inTransaction(c -> { // a proposal whose time is up is refused below, settled or not
            records(c).lock(initiativeId, proposalId);
            Proposal current = records(c).load(initiativeId, proposalId);
            if (current.state() != ProposalState.OPEN) {
                throw new ProblemException(Problem.conflict("Proposal " + proposalId + " is already "
                        + current.state().name().toLowerCase(Locale.ROOT) + "."));
            }
            if (!Instant.now(clock).isBefore(current.expiresAt())) {
                throw new ProblemException(Problem.conflict("Voting on proposal " + proposalId + " closed at "
                        + current.expiresAt() + "."));
            }
            Proposal.Step step = current.steps().stream().filter(s -> s.state().equals("OPEN")).findFirst().orElseThrow();
            Seat seat = progress.seats(c, records(c), initiativeId, current, step).stream().filter(s -> s.voter().equals(actor)).findFirst()
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
            records(c).insertVote(proposalId, step.index(), actor, seat.organisation(), vote.choice(),
                    vote.reason().strip(), Instant.now(clock));
            audit.record(c, actor, initiativeId, MODULE, "proposal.vote", "proposal " + proposalId + " step "
                    + (step.index() + 1) + ": " + vote.choice());
            return progress.advance(c, records(c), initiativeId, proposalId, false);
        });
        announce(decided);
        return proposal(initiativeId, proposalId);
    }

    @Override
    public Proposal withdraw(String initiativeId, long proposalId, String actor, boolean admin) {
        initiative(initiativeId);
        settle(initiativeId); // a proposal whose time is up expires rather than being withdrawn
        Proposal withdrawn = store.inTransaction(c -> {
            records(c).lock(initiativeId, proposalId);
            Proposal current = records(c).load(initiativeId, proposalId);
            if (!admin && !current.proposedBy().equals(actor)) {
                throw new ProblemException(new Problem("urn:civicbackbone:problem:forbidden", "Forbidden", 403,
                        "Only the proposer or a platform admin may withdraw proposal " + proposalId + ".", List.of()));
            }
            if (current.state() != ProposalState.OPEN) {
                throw new ProblemException(Problem.conflict("Proposal " + proposalId + " is already "
                        + current.state().name().toLowerCase(Locale.ROOT) + "."));
            }
            records(c).finish(proposalId, ProposalState.WITHDRAWN, Instant.now(clock));
            audit.record(c, actor, initiativeId, current.module(), "proposal.withdraw", "proposal " + proposalId);
            return records(c).load(initiativeId, proposalId);
        });
        announce(withdrawn);
        return withdrawn;
    }

    private void announce(Proposal decided) {
        if (decided != null && decided.state() != ProposalState.OPEN) {
            listeners.tell(l -> l.decided(decided), "proposal " + decided.id());
        }
    }

    /** Expires the initiative's open proposals whose time is up, deciding them on the votes in. */
    private int settle(String initiativeId) {
        return decide(initiativeId, store.read(c -> records(c).due(initiativeId, Instant.now(clock))), true);
    }

    /**
     * Moves the proposals on as far as their votes allow, each in a transaction of its own with its row locked; with
     * {@code closing}, their time is up. Answers how many it decided.
     */
    private int decide(String initiativeId, List<Long> ids, boolean closing) {
        int decided = 0;
        for (long id : ids) {
            Proposal done = store.inTransaction(c -> {
                records(c).lock(initiativeId, id);
                return records(c).load(initiativeId, id).state() == ProposalState.OPEN
                        ? progress.advance(c, records(c), initiativeId, id, closing) : null;
            });
            announce(done);
            decided += done == null ? 0 : 1;
        }
        return decided;
    }

    /**
     * Decides every open proposal whose time is up, on the votes in, and moves on those whose open step lost a voter
     * who had not voted (a seat retired since it opened), which may decide it now; run by the {@link GovernanceClock}.
     */
    @Override
    public int sweep() {
        int expired = store.read(c -> records(c).initiativesWithDue(Instant.now(clock))).stream()
                .mapToInt(this::settle).sum();
        return expired + store.read(c -> records(c).initiativesWithAbsentVoters()).stream().mapToInt(i ->
                decide(i, store.read(c -> records(c).withAbsentVoters(i)), false)).sum();
    }

    @Override
    public Proposal proposal(String initiativeId, long proposalId) {
        initiative(initiativeId);
        return store.read(c -> records(c).load(initiativeId, proposalId));
    }

    @Override
    public List<Vote> votes(String initiativeId, long proposalId) {
        proposal(initiativeId, proposalId);
        return store.read(c -> records(c).votes(proposalId));
    }

    @Override
    public List<Proposal> proposals(String initiativeId) {
        initiative(initiativeId);
        return store.read(c -> records(c).all(initiativeId));
    }

    @Override
    public List<Proposal> awaitingVote(String login) {
        return store.read(c -> records(c).awaiting(login));
    }

    @Override
    public Map<Long, List<Vote>> votesByProposal(String initiativeId) {
        initiative(initiativeId);
        return store.read(c -> records(c).votesByProposal(initiativeId));
    }

}
