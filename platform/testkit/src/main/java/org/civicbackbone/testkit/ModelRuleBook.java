package org.civicbackbone.testkit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.civicbackbone.api.decision.DecisionService;
import org.civicbackbone.api.decision.Proposal;
import org.civicbackbone.api.decision.ProposalSpec;
import org.civicbackbone.api.decision.ProposalState;
import org.civicbackbone.api.decision.RuleBook;
import org.civicbackbone.api.module.AccountabilityRule;
import org.civicbackbone.api.module.ApprovalStep;
import org.civicbackbone.api.module.DecisionType;
import org.civicbackbone.api.module.StructureModel;
import org.civicbackbone.api.problem.ProblemException;

/**
 * A rule book for unit tests: every initiative lives by one structure model's default rules, as a module under test
 * would see them from the platform. Adjustments are proposed through the test's decision service (usually
 * {@link ScriptedDecisions}) and take effect when the test passes the approved proposal to {@link #decided}. It does
 * not check the limits of an adjustment nor apply model changes: those are the platform's rules, tested there.
 */
public final class ModelRuleBook implements RuleBook {

    private final StructureModel model;
    private final DecisionService decisions;
    private final Map<Long, AccountabilityRule> pending = new HashMap<>();
    private final List<RuleVersion> adopted = new ArrayList<>();

    /**
     * @param model     the model whose rules every initiative lives by
     * @param decisions the decision service adjustments are proposed through
     */
    public ModelRuleBook(StructureModel model, DecisionService decisions) {
        this.model = model;
        this.decisions = decisions;
    }

    @Override
    public synchronized List<AccountabilityRule> rulesInForce(String initiativeId) {
        List<AccountabilityRule> rules = new ArrayList<>();
        for (AccountabilityRule rule : model.accountabilityRules()) {
            rules.add(adopted.stream().filter(v -> v.initiativeId().equals(initiativeId)
                            && v.decisionType() == rule.decisionType()).reduce((first, second) -> second)
                    .map(v -> new AccountabilityRule(rule.decisionType(), v.steps(), rule.rationale()))
                    .orElse(rule));
        }
        return rules;
    }

    @Override
    public Proposal proposeRule(String initiativeId, DecisionType decisionType, List<ApprovalStep> steps, String reason,
                                String actor) {
        AccountabilityRule defaults = model.accountabilityRules().stream()
                .filter(r -> r.decisionType() == decisionType).findFirst()
                .orElseThrow(() -> ProblemException.invalid("decisionType", "the model has no rule for it"));
        Proposal proposal = decisions.propose(initiativeId, new ProposalSpec(DecisionType.CHANGE_STRUCTURE,
                "Adopt a stricter rule for " + decisionType, reason, null, null), "core", actor);
        synchronized (this) {
            pending.put(proposal.id(), new AccountabilityRule(decisionType, steps, defaults.rationale()));
        }
        return proposal;
    }

    @Override
    public Proposal proposeModel(String initiativeId, String modelId, String reason, String actor) {
        return decisions.propose(initiativeId, new ProposalSpec(DecisionType.CHANGE_STRUCTURE,
                "Move to the " + modelId + " model", reason, null, null), "core", actor);
    }

    /** Adopts the adjustment an approved proposal carried; other proposals change nothing. */
    public synchronized void decided(Proposal proposal) {
        AccountabilityRule rule = pending.remove(proposal.id());
        if (rule != null && proposal.state() == ProposalState.APPROVED) {
            int version = (int) adopted.stream().filter(v -> v.initiativeId().equals(proposal.initiativeId())
                    && v.decisionType() == rule.decisionType()).count() + 1;
            adopted.add(new RuleVersion(proposal.initiativeId(), model.id(), rule.decisionType(), version, rule.steps(),
                    proposal.id(), Instant.now()));
        }
    }

    @Override
    public synchronized List<RuleVersion> ruleHistory(String initiativeId) {
        return adopted.stream().filter(v -> v.initiativeId().equals(initiativeId)).toList();
    }

    @Override
    public List<ModelPeriod> modelHistory(String initiativeId) {
        return List.of(new ModelPeriod(model.id(), Instant.EPOCH, null, null));
    }
}
