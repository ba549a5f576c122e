package org.civicbackbone.core.internal.governance;

import java.sql.Connection;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.civicbackbone.api.audit.AuditLog;
import org.civicbackbone.api.decision.DecisionListener;
import org.civicbackbone.api.decision.DecisionService;
import org.civicbackbone.api.decision.Proposal;
import org.civicbackbone.api.decision.ProposalSpec;
import org.civicbackbone.api.decision.ProposalState;
import org.civicbackbone.api.decision.RuleBook;
import org.civicbackbone.api.initiative.Initiative;
import org.civicbackbone.api.initiative.InitiativeService;
import org.civicbackbone.api.module.AccountabilityRule;
import org.civicbackbone.api.module.ApprovalStep;
import org.civicbackbone.api.module.BodyRequirement;
import org.civicbackbone.api.module.DecisionType;
import org.civicbackbone.api.module.ModuleCatalogue;
import org.civicbackbone.api.module.StructureModel;
import org.civicbackbone.api.problem.Problem;
import org.civicbackbone.api.problem.ProblemException;
import org.civicbackbone.api.problem.Violation;
import org.civicbackbone.api.store.BackboneStore;
import org.civicbackbone.core.internal.CoreSchema;
import org.civicbackbone.core.internal.InitiativeRecords;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Rule adjustments and model changes: each is proposed as a CHANGE_STRUCTURE decision, waits in a side table written
 * in the proposal's own transaction, and is applied (a new rule version, or the new model with a history entry) only
 * when the proposal is approved: once, when the approval is announced, or by the sweep after a crash lost that.
 */
@Component(service = {RuleBook.class, DecisionListener.class, GovernanceSweep.class})
public class JdbcRuleBook implements RuleBook, DecisionListener, GovernanceSweep {

    private final BackboneStore store;
    private final AuditLog audit;
    private final DecisionService decisions;
    private final InitiativeService initiatives;
    private final ModuleCatalogue catalogue;

    @Activate
    public JdbcRuleBook(@Reference BackboneStore store, @Reference AuditLog audit, @Reference DecisionService decisions,
                        @Reference InitiativeService initiatives, @Reference ModuleCatalogue catalogue) {
        this.store = store;
        this.audit = audit;
        this.decisions = decisions;
        this.initiatives = initiatives;
        this.catalogue = catalogue;
    }

    private Initiative initiative(String id) {
        return initiatives.find(id).orElseThrow(() -> new ProblemException(
                Problem.notFound("There is no initiative '" + id + "'.")));
    }

    private StructureModel installedModel(String modelId) {
        return catalogue.structureModel(modelId).orElseThrow(() -> new ProblemException(Problem.conflict(
                "The module 'structure-" + modelId + "' is not installed.")));
    }

    @Override
    public List<AccountabilityRule> rulesInForce(String initiativeId) {
        Initiative initiative = initiative(initiativeId);
        StructureModel model = installedModel(initiative.structureModelId());
        return store.read(c -> records(c).inForce(initiativeId, model.id(), model.accountabilityRules()));
    }

    private RuleRecords records(Connection c) {
        return store.mapper(c, RuleRecords.class);
    }

    @Override
    public Proposal proposeRule(String initiativeId, DecisionType decisionType, List<ApprovalStep> steps, String reason,
                                String actor) {
        Initiative initiative = initiative(initiativeId);
        StructureModel model = installedModel(initiative.structureModelId());
        AccountabilityRule defaults = model.accountabilityRules().stream()
                .filter(r -> r.decisionType() == decisionType).findFirst()
                .orElseThrow(() -> ProblemException.invalid("decisionType", "the model has no rule for it"));
        Set<String> bodies = model.requiredBodies().stream().map(BodyRequirement::bodyType).collect(Collectors.toSet());
        List<Violation> violations = RuleSteps.checkTightening(defaults, steps, bodies);
        // a proposal that would change nothing asks the bodies to vote for nothing
        boolean inForce = store.read(c -> records(c).inForce(initiativeId, model.id(), model.accountabilityRules()))
                .stream().anyMatch(r -> r.decisionType() == decisionType && r.steps().equals(steps));
        if (inForce) {
            violations.add(new Violation("steps", "are the rule in force for " + decisionType + "; propose a "
                    + "stricter one"));
        }
        if (!violations.isEmpty()) {
            throw new ProblemException(Problem.invalid("The " + model.name() + " allows an initiative to tighten its "
                    + "default rules, not to loosen or drop them.", violations));
        }
        String chain = RuleSteps.write(steps);
        return decisions.propose(initiativeId, new ProposalSpec(DecisionType.CHANGE_STRUCTURE,
                RuleSteps.title(decisionType, steps, model.requiredBodies()), reason, null, null), "core", actor,
                (c, proposal) -> {
                    records(c).insertRuleChange(proposal.id(), initiativeId, model.id(), decisionType, chain);
                    return proposal;
                });
    }

    @Override
    public Proposal proposeModel(String initiativeId, String modelId, String reason, String actor) {
        Initiative initiative = initiative(initiativeId);
        if (initiative.structureModelId().equals(modelId)) {
            throw ProblemException.invalid("modelId", "the initiative is already on the '" + modelId + "' model");
        }
        if (catalogue.structureModel(modelId).isEmpty()) {
            throw ProblemException.invalid("modelId", "'" + modelId + "' is not an installed structure model");
        }
        return decisions.propose(initiativeId, new ProposalSpec(DecisionType.CHANGE_STRUCTURE,
                "Move from the " + initiative.structureModelId() + " model to the " + modelId + " model", reason, null,
                null), "core", actor, (c, proposal) -> {
                    records(c).insertModelChange(proposal.id(), initiativeId, initiative.structureModelId(), modelId);
                    return proposal;
                });
    }

    @Override
    public void decided(Proposal proposal) {
        if (proposal.state() == ProposalState.APPROVED && proposal.type() == DecisionType.CHANGE_STRUCTURE
                && "core".equals(proposal.module())) {
            putInForce(proposal.initiativeId(), proposal.id());
        }
    }

    /**
     * Puts an approved change of structure in force (the rule's next version, the change of model), each part once:
     * one already there is skipped, so a repeated announcement, the sweep after a crash, or both at once apply it
     * once. Under the proposals' lock, which a proposal being opened reads its model and rule under. Returns whether
     * this call changed anything.
     */
    boolean putInForce(String initiativeId, long proposalId) {
        return store.inTransaction(c -> {
            store.holdUntilCommit(c, CoreSchema.proposalsLock(initiativeId));
            Instant now = Instant.now();
            RuleRecords rules = records(c);
            boolean changed = false;
            RuleRecords.RuleRow adopted = rules.versionsAdoptedBy(proposalId) > 0 ? null
                    : rules.adopt(initiativeId, proposalId, now);
            if (adopted != null) {
                audit.record(c, "system", initiativeId, "core", "rule.adopt", adopted.decisionType() + " v"
                        + adopted.version() + ": " + adopted.steps() + " (proposal " + proposalId + ")");
                changed = true;
            }
            RuleRecords.ModelChangeRow change = rules.modelChange(proposalId);
            if (change != null && rules.modelsStartedBy(proposalId) == 0) {
                store.mapper(c, InitiativeRecords.class).changeModel(initiativeId, change.toModel(), proposalId, now);
                audit.record(c, "system", initiativeId, "core", "model.change", change.fromModel() + " -> "
                        + change.toModel() + " (proposal " + proposalId + ")");
                changed = true;
            }
            return changed;
        });
    }

    /**
     * Puts in force the approved changes of structure that are not (their announcement, after the decision's commit,
     * lost to a crash): the durable state is the proposal. Run by the {@link GovernanceClock}.
     */
    @Override
    public int sweep() {
        List<RuleRecords.DueChange> due = store.read(c -> records(c).dueChanges());
        return (int) due.stream().filter(d -> putInForce(d.initiativeId(), d.proposalId())).count();
    }

    @Override
    public List<RuleVersion> ruleHistory(String initiativeId) {
        initiative(initiativeId);
        return store.read(c -> records(c).versions(initiativeId).stream().map(row -> row.version(initiativeId)).toList());
    }

    @Override
    public List<ModelPeriod> modelHistory(String initiativeId) {
        Initiative initiative = initiative(initiativeId);
        List<ModelPeriod> periods = store.read(c -> records(c).modelHistory(initiativeId));
        return !periods.isEmpty() ? periods
                : List.of(new ModelPeriod(initiative.structureModelId(), initiative.createdAt(), null, null));
    }
}
