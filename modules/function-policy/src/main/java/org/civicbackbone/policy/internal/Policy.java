package org.civicbackbone.policy.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.civicbackbone.api.audit.AuditLog;
import org.civicbackbone.api.csv.CsvTable;
import org.civicbackbone.api.decision.DecisionService;
import org.civicbackbone.api.decision.Proposal;
import org.civicbackbone.api.decision.ProposalSpec;
import org.civicbackbone.api.initiative.InitiativeService;
import org.civicbackbone.api.initiative.Membership;
import org.civicbackbone.api.initiative.Organisation;
import org.civicbackbone.api.initiative.OrganisationRegistry;
import org.civicbackbone.api.module.DecisionType;
import org.civicbackbone.api.module.FunctionDescriptor;
import org.civicbackbone.api.module.FunctionKind;
import org.civicbackbone.api.module.FunctionRules;
import org.civicbackbone.api.problem.InputValidator;
import org.civicbackbone.api.problem.Problem;
import org.civicbackbone.api.problem.ProblemException;
import org.civicbackbone.api.problem.Violation;
import org.civicbackbone.api.store.BackboneStore;
import org.civicbackbone.api.store.GeneratedKey;
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
public class Policy extends FunctionRules {

    static final String FUNCTION_ID = "policy";

    /** What the function says about itself: the platform lists it by this. */
    static final FunctionDescriptor DESCRIPTOR = new FunctionDescriptor(FUNCTION_ID, "Policy", FunctionKind.POLICY,
            "Advance policy: the policy agenda from idea through adopted position to outcome, positions adopted "
            + "by decision, and each partner's endorsement, neutrality or dissent.");

    static final String MODULE = "function-policy";

    private final DecisionService decisions;
    private final OrganisationRegistry organisations;
    private final PolicyItems itemRules;

    @Activate
    public Policy(@Reference BackboneStore store, @Reference AuditLog audit, @Reference InitiativeService initiatives,
                  @Reference InputValidator validator, @Reference DecisionService decisions,
                  @Reference OrganisationRegistry organisations) {
        super(DESCRIPTOR, MODULE, PolicySchema.MIGRATIONS, store, audit, initiatives, validator);
        this.organisations = organisations;
        this.decisions = decisions;
        this.itemRules = new PolicyItems(store, audit);
    }

    public List<Item> items(String initiativeId) {
        requireInUse(initiativeId);
        Map<Long, Proposal> proposals = decisions.proposalsById(initiativeId);
        Map<Long, List<Stance>> stances = currentStances(initiativeId);
        return store.read(c -> records(c).items(initiativeId)).stream()
                .map(row -> PolicyReports.item(initiativeId, row, proposals, stances.getOrDefault(row.id(), List.of())))
                .toList();
    }

    private PolicyRecords records(java.sql.Connection c) {
        return store.mapper(c, PolicyRecords.class);
    }

    public Item item(String initiativeId, long itemId) {
        return items(initiativeId).stream().filter(i -> i.id() == itemId).findFirst().orElseThrow(() ->
                new ProblemException(Problem.notFound("Initiative '" + initiativeId + "' has no policy item " + itemId + ".")));
    }

    /** The item while it is worked out (an idea, or being researched); a 409 saying {@code why} otherwise. */
    private Item beingWorkedOut(String initiativeId, long itemId, String why) {
        Item item = item(initiativeId, itemId);
        if (item.status() != Status.IDEA && item.status() != Status.RESEARCHING) {
            throw new ProblemException(Problem.conflict("Policy item " + itemId + " is " + item.status() + "; " + why));
        }
        return item;
    }

    public Item add(String initiativeId, ItemSpec spec, String actor) {
        requireValidInUse(initiativeId, spec);
        return item(initiativeId, itemRules.add(initiativeId, spec, actor));
    }

    /**
     * Changes an item's text while it is worked out (an idea, or being researched): 409 once its position is put to
     * the bodies or it is closed. The same item when nothing changes.
     */
    public Item change(String initiativeId, long itemId, ItemSpec spec, String actor) {
        validator.validate(spec);
        Item item = beingWorkedOut(initiativeId, itemId, "only an item being worked out is changed.");
        return itemRules.change(initiativeId, item, spec, actor) ? item(initiativeId, itemId) : item;
    }

    public Item changeStage(String initiativeId, long itemId, StageSpec spec, String actor) {
        validator.validate(spec);
        Item item = beingWorkedOut(initiativeId, itemId, "its stage is settled.");
        store.inTurn(MODULE, initiativeId, c -> {
            if (records(c).stageOf(itemId) == spec.stage()) {
                return null; // sent again, or twice at one moment: nothing to write or log
            }
            if (records(c).setStage(itemId, spec.stage(), item.positionProposalId()) == 0) {
                throw new ProblemException(Problem.conflict("Policy item " + itemId + " was put to the bodies or "
                        + "closed while this was sent; its stage is settled."));
            }
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
        Item item = beingWorkedOut(initiativeId, itemId, "only an item without a position can have one proposed.");
        // the proposal and the item's link to it commit together, or neither does
        decisions.propose(initiativeId, new ProposalSpec(DecisionType.ADOPT_POLICY_POSITION,
                "Adopt the position on " + item.target() + ": " + item.proposedPosition(),
                spec == null ? null : spec.reason(), null, spec == null ? null : spec.expiresInDays()), MODULE, actor,
                (c, proposal) -> {
                    // the bodies decide on the position as it was read, not one changed meanwhile
                    if (records(c).setPositionProposal(itemId, proposal.id(), item.positionProposalId(),
                            item.revision()) == 0) {
                        throw new ProblemException(Problem.conflict("Policy item " + itemId
                                + " was put to another proposal or changed meanwhile."));
                    }
                    audit.record(c, actor, initiativeId, MODULE, "item.propose", "position of policy item " + itemId
                            + " put to proposal " + proposal.id());
                    return proposal;
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
            if (records(c).setOutcome(itemId, spec.outcome(), spec.note()) == 0) { // a second click came first
                throw new ProblemException(Problem.conflict("Policy item " + itemId + " was closed while this was sent."));
            }
            audit.record(c, actor, initiativeId, MODULE, "item.outcome", "policy item " + itemId + " " + spec.outcome());
            return null;
        });
        return item(initiativeId, itemId);
    }

    /**
     * Records a partner organisation's stance. The organisation is named as the registry knows it (any of its names or
     * aliases) and must hold a seat in the initiative: one of its partners.
     */
    public Stance recordStance(String initiativeId, long itemId, StanceSpec spec, String actor) {
        validator.validate(spec);
        Item item = item(initiativeId, itemId);
        if (item.status() == Status.CLOSED) {
            throw new ProblemException(Problem.conflict("Policy item " + itemId + " is closed."));
        }
        String organisation = spec.organisation().strip();
        Set<String> partners = partners(initiativeId);
        List<Violation> violations = new ArrayList<>();
        Organisation known = organisations.resolve(initiativeId, organisation)
                .filter(o -> partners.contains(o.name())).orElse(null);
        if (known == null) {
            violations.add(new Violation("organisation", "'" + organisation + "' is not a partner of initiative '"
                    + initiativeId + "' (partners: " + String.join(", ", partners) + ")"));
        }
        boolean named = spec.named() == null || spec.named();
        if (!named && spec.stance() == StanceKind.ENDORSE) {
            violations.add(new Violation("named", "an endorsing partner is named; only a partner that does not share "
                    + "the position may ask not to be"));
        }
        ProblemException.refuseIfAny(violations);
        Instant now = Instant.now();
        return store.inTurn(MODULE, initiativeId, c -> {
            Organisation held = organisations.hold(c, initiativeId, known.id()); // not merged away meanwhile
            // a stance is on the item as it was read: taking turns with changes, it is never one on a changed text
            if (records(c).revisionOf(itemId) != item.revision()) {
                throw new ProblemException(Problem.conflict("Policy item " + itemId + " was changed meanwhile: "
                        + "read its position again before recording a stance on it."));
            }
            GeneratedKey key = new GeneratedKey();
            records(c).insertStance(key, itemId, held.name(), spec.stance(), named, spec.note(), actor, now, held.id());
            audit.record(c, actor, initiativeId, MODULE, "stance.record", held.name() + " " + spec.stance()
                    + " on policy item " + itemId + (named ? "" : " (not to be named)"));
            return new Stance(key.id(), itemId, held.name(), spec.stance(), named, spec.note(), actor, now, held.id());
        });
    }

    /** Every stance ever recorded on the item, oldest first (staff view: names included, with their wish). */
    public List<Stance> stanceHistory(String initiativeId, long itemId) {
        item(initiativeId, itemId);
        return store.read(c -> records(c).stancesOf(itemId));
    }

    /** The public statement of the item's position. */
    public Statement statement(String initiativeId, long itemId) {
        Item item = item(initiativeId, itemId);
        return PolicyReports.statement(item, PolicyReports.current(stanceHistory(initiativeId, itemId)));
    }

    public Overview overview(String initiativeId) {
        return PolicyReports.overview(initiativeId, items(initiativeId), partners(initiativeId).size());
    }

    /** Items as CSV; organisations that asked not to be named are counted, not named. */
    public String export(String initiativeId) {
        CsvTable csv = new CsvTable(List.of("id", "title", "target_kind", "target", "status", "proposal", "outcome",
                "proposed_position", "endorsed_by", "neutral", "dissenting", "not_named"));
        Map<Long, List<Stance>> stances = currentStances(initiativeId);
        for (Item item : items(initiativeId)) {
            Statement s = PolicyReports.statement(item, stances.getOrDefault(item.id(), List.of()));
            csv.row(item.id(), item.title(), item.targetKind(), item.target(), item.status(), item.positionProposalId(),
                    item.outcome(), item.proposedPosition(), String.join("; ", s.endorsedBy()), String.join("; ", s.neutral()),
                    String.join("; ", s.dissenting()), s.notNamed());
        }
        return csv.toString();
    }

    /** The registered names of the organisations that hold a seat in the initiative. */
    private Set<String> partners(String initiativeId) {
        Set<Long> seated = new HashSet<>();
        initiatives.members(initiativeId).stream().map(Membership::organisationId).filter(Objects::nonNull)
                .forEach(seated::add);
        Set<String> partners = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        organisations.organisations(initiativeId).stream().filter(o -> seated.contains(o.id())).map(Organisation::name)
                .forEach(partners::add);
        return partners;
    }

    private Map<Long, List<Stance>> currentStances(String initiativeId) {
        Map<Long, List<Stance>> all = new LinkedHashMap<>();
        store.read(c -> records(c).stancesOfInitiative(initiativeId))
                .forEach(stance -> all.computeIfAbsent(stance.itemId(), k -> new ArrayList<>()).add(stance));
        Map<Long, List<Stance>> current = new LinkedHashMap<>();
        all.forEach((item, history) -> current.put(item, PolicyReports.current(history)));
        return current;
    }
}
