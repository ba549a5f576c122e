package org.civicbackbone.resources.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.civicbackbone.api.activities.ActivityCatalogue;
import org.civicbackbone.api.audit.AuditLog;
import org.civicbackbone.api.audit.RecordEdits;
import org.civicbackbone.api.decision.DecisionService;
import org.civicbackbone.api.decision.Proposal;
import org.civicbackbone.api.initiative.InitiativeService;
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
import org.civicbackbone.resources.internal.Funding.Overview;
import org.civicbackbone.resources.internal.Funding.Receipt;
import org.civicbackbone.resources.internal.Funding.ReceiptSpec;
import org.civicbackbone.resources.internal.Funding.StageSpec;
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
public class Resources extends FunctionRules {

    static final String FUNCTION_ID = "resources";

    /** What the function says about itself: the platform lists it by this. */
    static final FunctionDescriptor DESCRIPTOR = new FunctionDescriptor(FUNCTION_ID, "Resources", FunctionKind.RESOURCES,
            "Mobilize resources: funders, grants from opportunity to agreement with reporting deadlines, money "
            + "received, the budget, and allocations to activities and partners, accepted and allocated by "
            + "decision.");

    private final DecisionService decisions;
    private final Allocations allocating;
    private final ReportingDeadlines deadlines;
    private final Budgets budgets;
    private final Grants grants;
    private final Funders funders;

    // optional and dynamic: aligned activities may come and go while this module runs
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile ActivityCatalogue activityCatalogue;

    @Activate
    public Resources(@Reference BackboneStore store, @Reference AuditLog audit, @Reference InitiativeService initiatives,
                     @Reference InputValidator validator, @Reference DecisionService decisions,
                     @Reference OrganisationRegistry organisations) {
        super(DESCRIPTOR, ResourcesSchema.MODULE, ResourcesSchema.MIGRATIONS, store, audit, initiatives, validator);
        this.decisions = decisions;
        this.allocating = new Allocations(store, audit, decisions, organisations, () -> activityCatalogue);
        this.deadlines = new ReportingDeadlines(store, audit);
        this.budgets = new Budgets(store, audit);
        RecordEdits<FundingRecords> edits = new RecordEdits<>(store, audit, ResourcesSchema.MODULE,
                FundingRecords.class);
        this.grants = new Grants(store, audit, edits, decisions);
        this.funders = new Funders(store, audit, edits, organisations);
    }

    private static FundingRecords records(BackboneStore store, java.sql.Connection c) {
        return store.mapper(c, FundingRecords.class);
    }

    private <T> T read(Function<FundingRecords, T> query) {
        return store.read(c -> query.apply(records(store, c)));
    }

    // ---- funders

    public List<Funder> funders(String initiativeId) {
        requireInUse(initiativeId);
        return funders.all(initiativeId);
    }

    public Funder addFunder(String initiativeId, FunderSpec spec, String actor) {
        requireValidInUse(initiativeId, spec);
        return funders.add(initiativeId, spec, actor);
    }

    /** A funder corrected: its sector, its contact, its name as its organisation is spelt (staff). */
    public Funder changeFunder(String initiativeId, long funderId, FunderSpec spec, String actor) {
        requireValidInUse(initiativeId, spec);
        return funders.change(initiativeId, funderId, spec, actor);
    }

    // ---- grants

    public List<Grant> grants(String initiativeId) {
        requireInUse(initiativeId);
        Map<Long, Proposal> proposals = proposals(initiativeId);
        return read(r -> r.grants(initiativeId, proposals));
    }

    public Grant grant(String initiativeId, long grantId) {
        return grants(initiativeId).stream().filter(g -> g.id() == grantId).findFirst().orElseThrow(() ->
                new ProblemException(Problem.notFound("Initiative '" + initiativeId + "' has no grant " + grantId + ".")));
    }

    public Grant addGrant(String initiativeId, GrantSpec spec, String actor) {
        refuseIfWrong(initiativeId, spec);
        return grant(initiativeId, grants.add(initiativeId, spec, actor));
    }

    /** Corrects a grant not yet answered by its funder, checked as a new one is; see {@link Grants#correct}. */
    public Grant correctGrant(String initiativeId, long grantId, GrantSpec spec, String actor) {
        refuseIfWrong(initiativeId, spec);
        Grant grant = grant(initiativeId, grantId);
        return grants.correct(grant, spec, actor) ? grant(initiativeId, grantId) : grant;
    }

    /** Refuses (400, each field with its reason) a grant of a funder the initiative lacks, or of a wrong period. */
    private void refuseIfWrong(String initiativeId, GrantSpec spec) {
        validator.validate(spec);
        List<Violation> violations = new ArrayList<>();
        if (funders(initiativeId).stream().noneMatch(f -> f.id() == spec.funderId())) {
            violations.add(new Violation("funderId", "initiative '" + initiativeId + "' has no funder " + spec.funderId()));
        }
        Grants.checkPeriod(spec.periodStart(), spec.periodEnd(), violations);
        ProblemException.refuseIfAny(violations);
    }

    /** Records a submission or the funder's answer; see {@link Grants#changeStage}. */
    public Grant changeStage(String initiativeId, long grantId, StageSpec spec, String actor) {
        validator.validate(spec);
        grants.changeStage(grant(initiativeId, grantId), spec, actor);
        return grant(initiativeId, grantId);
    }

    /** Puts the acceptance of an awarded grant to the initiative's bodies; see {@link Grants#proposeAcceptance}. */
    public Grant proposeAcceptance(String initiativeId, long grantId, AcceptanceSpec spec, String actor) {
        if (spec != null) {
            validator.validate(spec);
        }
        grants.proposeAcceptance(grant(initiativeId, grantId), spec, actor);
        return grant(initiativeId, grantId);
    }

    /** Money received against an active grant, never more than awarded; see {@link Grants#recordReceipt}. */
    public Receipt recordReceipt(String initiativeId, long grantId, ReceiptSpec spec, String actor) {
        validator.validate(spec);
        return grants.recordReceipt(grant(initiativeId, grantId), spec, actor);
    }

    // ---- deadlines and budget ({@link ReportingDeadlines}, {@link Budgets})

    public List<Deadline> deadlines(String initiativeId) {
        requireInUse(initiativeId);
        return deadlines.all(initiativeId);
    }

    /** The reports overdue or due soon in these initiatives (each using the function), by initiative: one query. */
    public Map<String, List<Deadline>> owedReports(java.util.Collection<String> initiativeIds) {
        return deadlines.owed(initiativeIds);
    }

    public Deadline addDeadline(String initiativeId, long grantId, DeadlineSpec spec, String actor) {
        validator.validate(spec);
        grant(initiativeId, grantId);
        return deadlines.add(initiativeId, grantId, spec, actor);
    }

    public Deadline markSubmitted(String initiativeId, long grantId, long deadlineId, String actor) {
        requireInUse(initiativeId);
        return deadlines.markSubmitted(initiativeId, grantId, deadlineId, actor);
    }

    public Budget budget(String initiativeId, int year) {
        requireInUse(initiativeId);
        return budgets.of(initiativeId, year);
    }

    public Budget setBudget(String initiativeId, int year, BudgetSpec spec, String actor) {
        validator.validate(spec);
        budgets.check(year, spec);
        requireInUse(initiativeId);
        return budgets.set(initiativeId, year, spec, actor);
    }

    // ---- allocations

    public List<Allocation> allocations(String initiativeId) {
        requireInUse(initiativeId);
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
        return decisions.proposalsById(initiativeId);
    }
}
