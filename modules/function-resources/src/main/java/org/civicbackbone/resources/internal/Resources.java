package org.civicbackbone.resources.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.civicbackbone.api.activities.ActivityCatalogue;
import org.civicbackbone.api.audit.AuditLog;
import org.civicbackbone.api.decision.DecisionService;
import org.civicbackbone.api.decision.Proposal;
import org.civicbackbone.api.decision.ProposalSpec;
import org.civicbackbone.api.initiative.InitiativeService;
import org.civicbackbone.api.initiative.Organisation;
import org.civicbackbone.api.initiative.OrganisationRegistry;
import org.civicbackbone.api.initiative.OrganisationSpec;
import org.civicbackbone.api.module.DecisionType;
import org.civicbackbone.api.module.FunctionDescriptor;
import org.civicbackbone.api.module.FunctionKind;
import org.civicbackbone.api.problem.InputValidator;
import org.civicbackbone.api.problem.Problem;
import org.civicbackbone.api.problem.ProblemException;
import org.civicbackbone.api.problem.Violation;
import org.civicbackbone.api.store.BackboneStore;
import org.civicbackbone.api.store.GeneratedKey;
import org.civicbackbone.resources.internal.Funding.AcceptanceSpec;
import org.civicbackbone.resources.internal.Funding.Allocation;
import org.civicbackbone.resources.internal.Funding.AllocationSpec;
import org.civicbackbone.resources.internal.Funding.Budget;
import org.civicbackbone.resources.internal.Funding.BudgetSpec;
import org.civicbackbone.resources.internal.Funding.Deadline;
import org.civicbackbone.resources.internal.Funding.DeadlineSpec;
import org.civicbackbone.resources.internal.Funding.Funder;
import org.civicbackbone.resources.internal.Funding.FunderSpec;
import org.civicbackbone.resources.internal.Funding.Grant;
import org.civicbackbone.resources.internal.Funding.GrantSpec;
import org.civicbackbone.resources.internal.Funding.GrantStatus;
import org.civicbackbone.resources.internal.Funding.Overview;
import org.civicbackbone.resources.internal.Funding.Receipt;
import org.civicbackbone.resources.internal.Funding.ReceiptSpec;
import org.civicbackbone.resources.internal.Funding.Stage;
import org.civicbackbone.resources.internal.Funding.StageSpec;
import org.civicbackbone.resources.internal.FundingRecords.Award;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * Mobilising resources: funders, grants from opportunity to agreement, reporting deadlines, money received, the
 * budget, and allocations ({@link Allocations}). Accepting a grant ({@link DecisionType#ACCEPT_GRANT}) and allocating
 * funds ({@link DecisionType#ALLOCATE_FUNDS}) are governed: their effect is read from the proposal's state, so nothing
 * counts before approval and a decision taken while this module was away still counts. Allocations approved and
 * pending never exceed what was received. Funders are organisations of the initiative's registry.
 */
@Component(service = Resources.class)
public class Resources {

    static final String FUNCTION_ID = "resources";

    /** What the function says about itself: the platform lists it by this. */
    static final FunctionDescriptor DESCRIPTOR = new FunctionDescriptor(FUNCTION_ID, "Resources", FunctionKind.RESOURCES,
            "Mobilize resources: funders, grants from opportunity to agreement with reporting deadlines, money "
            + "received, the budget, and allocations to activities and partners, accepted and allocated by "
            + "decision.");

    private final BackboneStore store;
    private final AuditLog audit;
    private final InitiativeService initiatives;
    private final InputValidator validator;
    private final DecisionService decisions;
    private final OrganisationRegistry organisations;
    private final Allocations allocating;
    private final ReportingDeadlines deadlines;
    private final Budgets budgets;

    // optional and dynamic: aligned activities may come and go while this module runs
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile ActivityCatalogue activityCatalogue;

    @Activate
    public Resources(@Reference BackboneStore store, @Reference AuditLog audit, @Reference InitiativeService initiatives,
                     @Reference InputValidator validator, @Reference DecisionService decisions,
                     @Reference OrganisationRegistry organisations) {
        this.store = store;
        this.audit = audit;
        this.initiatives = initiatives;
        this.validator = validator;
        this.decisions = decisions;
        this.organisations = organisations;
        this.allocating = new Allocations(store, audit, decisions, organisations, () -> activityCatalogue);
        this.deadlines = new ReportingDeadlines(store, audit);
        this.budgets = new Budgets(store, audit);
        store.migrate(ResourcesSchema.MODULE, ResourcesSchema.MIGRATIONS);
    }

    BackboneStore store() {
        return store;
    }

    private static FundingRecords records(BackboneStore store, java.sql.Connection c) {
        return store.mapper(c, FundingRecords.class);
    }

    private <T> T read(Function<FundingRecords, T> query) {
        return store.read(c -> query.apply(records(store, c)));
    }

    private void write(String initiativeId, String actor, String action, String detail,
                       java.util.function.Consumer<FundingRecords> change) {
        store.inTransaction(c -> {
            change.accept(records(store, c));
            audit.record(c, actor, initiativeId, ResourcesSchema.MODULE, action, detail);
            return null;
        });
    }

    // ---- funders

    public List<Funder> funders(String initiativeId) {
        initiatives.requireFunction(initiativeId, FUNCTION_ID);
        return read(r -> r.funders(initiativeId));
    }

    /** Adds a funder: an organisation of the registry, registered with the funder's sector when it is new there. */
    public Funder addFunder(String initiativeId, FunderSpec spec, String actor) {
        validator.validate(spec);
        Organisation organisation = organisations.resolve(initiativeId, spec.name()).orElseGet(() ->
                organisations.register(initiativeId, new OrganisationSpec(spec.name(), List.of(),
                        List.of(spec.sector())), actor));
        if (funders(initiativeId).stream().anyMatch(f -> f.name().equalsIgnoreCase(organisation.name())
                || Long.valueOf(organisation.id()).equals(f.organisationId()))) {
            throw new ProblemException(Problem.conflict("Initiative '" + initiativeId + "' already has '"
                    + organisation.name() + "' as a funder."));
        }
        GeneratedKey key = new GeneratedKey();
        write(initiativeId, actor, "funder.add", organisation.name(), r -> r.insertFunder(key, initiativeId,
                organisation.name(), spec.sector(), spec.contact(), organisation.id()));
        return new Funder(key.id(), initiativeId, organisation.name(), spec.sector(), spec.contact(), organisation.id());
    }

    // ---- grants

    public List<Grant> grants(String initiativeId) {
        initiatives.requireFunction(initiativeId, FUNCTION_ID);
        Map<Long, Proposal> proposals = proposals(initiativeId);
        return read(r -> r.grants(initiativeId, proposals));
    }

    public Grant grant(String initiativeId, long grantId) {
        return grants(initiativeId).stream().filter(g -> g.id() == grantId).findFirst().orElseThrow(() ->
                new ProblemException(Problem.notFound("Initiative '" + initiativeId + "' has no grant " + grantId + ".")));
    }

    public Grant addGrant(String initiativeId, GrantSpec spec, String actor) {
        validator.validate(spec);
        List<Violation> violations = new ArrayList<>();
        if (funders(initiativeId).stream().noneMatch(f -> f.id() == spec.funderId())) {
            violations.add(new Violation("funderId", "initiative '" + initiativeId + "' has no funder " + spec.funderId()));
        }
        checkPeriod(spec.periodStart(), spec.periodEnd(), violations);
        Allocations.refuseIfAny(violations);
        GeneratedKey key = new GeneratedKey();
        store.inTransaction(c -> {
            records(store, c).insertGrant(key, initiativeId, spec.funderId(), spec.title().strip(), Stage.OPPORTUNITY,
                    spec.amountRequested(), spec.periodStart(), spec.periodEnd(), actor, Instant.now());
            audit.record(c, actor, initiativeId, ResourcesSchema.MODULE, "grant.add", "grant " + key.id() + " '"
                    + spec.title().strip() + "' for " + spec.amountRequested().toPlainString());
            return null;
        });
        return grant(initiativeId, key.id());
    }

    /** Records a submission or the funder's answer; an award needs its amount. */
    public Grant changeStage(String initiativeId, long grantId, StageSpec spec, String actor) {
        validator.validate(spec);
        Grant grant = grant(initiativeId, grantId);
        Set<GrantStatus> allowedFrom = switch (spec.stage()) {
            case OPPORTUNITY -> Set.of();
            case SUBMITTED -> Set.of(GrantStatus.OPPORTUNITY);
            case AWARDED -> Set.of(GrantStatus.OPPORTUNITY, GrantStatus.SUBMITTED);
            case DECLINED -> Set.of(GrantStatus.OPPORTUNITY, GrantStatus.SUBMITTED, GrantStatus.AWARDED,
                    GrantStatus.NOT_ACCEPTED);
        };
        if (!allowedFrom.contains(grant.status())) {
            throw new ProblemException(Problem.conflict("Grant " + grantId + " is " + grant.status()
                    + "; it cannot move to " + spec.stage() + "."));
        }
        List<Violation> violations = new ArrayList<>();
        if (spec.stage() == Stage.AWARDED && spec.amountAwarded() == null) {
            violations.add(new Violation("amountAwarded", "an award needs its amount"));
        }
        LocalDate start = spec.periodStart() != null ? spec.periodStart() : grant.periodStart();
        LocalDate end = spec.periodEnd() != null ? spec.periodEnd() : grant.periodEnd();
        checkPeriod(start, end, violations);
        Allocations.refuseIfAny(violations);
        write(initiativeId, actor, "grant.stage", "grant " + grantId + " " + spec.stage()
                + (spec.amountAwarded() == null ? "" : " " + spec.amountAwarded().toPlainString()),
                r -> r.setStage(grantId, spec.stage(), spec.amountAwarded(), start, end));
        return grant(initiativeId, grantId);
    }

    /** Puts the acceptance of an awarded grant to the initiative's bodies. */
    public Grant proposeAcceptance(String initiativeId, long grantId, AcceptanceSpec spec, String actor) {
        if (spec != null) {
            validator.validate(spec);
        }
        Grant grant = grant(initiativeId, grantId);
        if (grant.status() != GrantStatus.AWARDED && grant.status() != GrantStatus.NOT_ACCEPTED) {
            throw new ProblemException(Problem.conflict("Grant " + grantId + " is " + grant.status()
                    + "; only an awarded grant can be put to acceptance."));
        }
        Proposal proposal = decisions.propose(initiativeId, new ProposalSpec(DecisionType.ACCEPT_GRANT,
                "Accept " + grant.amountAwarded().toPlainString() + " from " + grant.funder() + " for '" + grant.title() + "'",
                spec == null ? null : spec.reason(), null, spec == null ? null : spec.expiresInDays()),
                ResourcesSchema.MODULE, actor);
        write(initiativeId, actor, "grant.acceptance", "grant " + grantId + " put to acceptance in proposal "
                + proposal.id(), r -> r.setAcceptanceProposal(grantId, proposal.id()));
        return grant(initiativeId, grantId);
    }

    /** Money received against an active grant, never more than awarded. */
    public Receipt recordReceipt(String initiativeId, long grantId, ReceiptSpec spec, String actor) {
        validator.validate(spec);
        Grant grant = grant(initiativeId, grantId);
        if (grant.status() != GrantStatus.ACTIVE) {
            throw new ProblemException(Problem.conflict("Grant " + grantId + " is " + grant.status()
                    + "; money is received only against an accepted grant."));
        }
        GeneratedKey key = new GeneratedKey();
        store.inTransaction(c -> {
            FundingRecords records = records(store, c);
            // the grant's row is locked until commit: parallel receipts take turns, each sees the ones before it
            Award award = records.lockOne(initiativeId, grantId);
            BigDecimal awarded = award == null || award.amountAwarded() == null ? BigDecimal.ZERO : award.amountAwarded();
            BigDecimal received = records.received(grantId);
            if (received.add(spec.amount()).compareTo(awarded) > 0) {
                throw new ProblemException(Problem.invalid("More than the award would be received.", List.of(
                        new Violation("amount", "received so far " + received.toPlainString() + " of "
                                + awarded.toPlainString() + "; at most " + awarded.subtract(received).toPlainString()
                                + " more"))));
            }
            records.insertReceipt(key, grantId, spec.amount(), spec.receivedOn(), actor, Instant.now());
            audit.record(c, actor, initiativeId, ResourcesSchema.MODULE, "grant.receipt", spec.amount().toPlainString()
                    + " received on grant " + grantId);
            return null;
        });
        return new Receipt(key.id(), grantId, spec.amount(), spec.receivedOn(), actor);
    }

    // ---- deadlines and budget ({@link ReportingDeadlines}, {@link Budgets})

    public List<Deadline> deadlines(String initiativeId) {
        initiatives.requireFunction(initiativeId, FUNCTION_ID);
        return deadlines.all(initiativeId);
    }

    public Deadline addDeadline(String initiativeId, long grantId, DeadlineSpec spec, String actor) {
        validator.validate(spec);
        grant(initiativeId, grantId);
        return deadlines.add(initiativeId, grantId, spec, actor);
    }

    public Deadline markSubmitted(String initiativeId, long grantId, long deadlineId, String actor) {
        initiatives.requireFunction(initiativeId, FUNCTION_ID);
        return deadlines.markSubmitted(initiativeId, grantId, deadlineId, actor);
    }

    public Budget budget(String initiativeId, int year) {
        initiatives.requireFunction(initiativeId, FUNCTION_ID);
        return budgets.of(initiativeId, year);
    }

    public Budget setBudget(String initiativeId, int year, BudgetSpec spec, String actor) {
        validator.validate(spec);
        budgets.check(year, spec);
        initiatives.requireFunction(initiativeId, FUNCTION_ID);
        return budgets.set(initiativeId, year, spec, actor);
    }

    // ---- allocations

    public List<Allocation> allocations(String initiativeId) {
        initiatives.requireFunction(initiativeId, FUNCTION_ID);
        Map<Long, Proposal> proposals = proposals(initiativeId);
        return read(r -> r.allocations(initiativeId, proposals));
    }

    /** Proposes an allocation; see {@link Allocations}. */
    public Allocation proposeAllocation(String initiativeId, AllocationSpec spec, String actor) {
        validator.validate(spec);
        // Read before the transaction: inside it only its own connection is used, so a bounded connection pool never
        // waits on itself. A proposal decided meanwhile only makes the check stricter (pending counts as committed).
        long proposalId = allocating.propose(initiativeId, spec, actor, proposals(initiativeId));
        return allocations(initiativeId).stream().filter(a -> a.proposalId() == proposalId).findFirst().orElseThrow();
    }

    // ---- overview and exports

    public Overview overview(String initiativeId) {
        return FundingReports.overview(initiativeId, funders(initiativeId).size(), grants(initiativeId),
                allocations(initiativeId), deadlines(initiativeId), budget(initiativeId, LocalDate.now().getYear()));
    }

    public String exportGrants(String initiativeId) {
        return FundingReports.grants(grants(initiativeId));
    }

    public String exportDeadlines(String initiativeId) {
        return FundingReports.deadlines(deadlines(initiativeId));
    }

    public String exportFunders(String initiativeId) {
        return FundingReports.funders(funders(initiativeId));
    }

    public String exportAllocations(String initiativeId) {
        return FundingReports.allocations(allocations(initiativeId));
    }

    private Map<Long, Proposal> proposals(String initiativeId) {
        return decisions.proposals(initiativeId).stream().collect(Collectors.toMap(Proposal::id, Function.identity()));
    }

    private static void checkPeriod(LocalDate start, LocalDate end, List<Violation> violations) {
        if (start != null && end != null && end.isBefore(start)) {
            violations.add(new Violation("periodEnd", "ends before the period starts (" + start + ")"));
        }
    }
}
