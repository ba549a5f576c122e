package org.civicbackbone.core.internal.governance;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.civicbackbone.api.decision.RuleBook.ModelPeriod;
import org.civicbackbone.api.decision.RuleBook.RuleVersion;
import org.civicbackbone.api.module.AccountabilityRule;
import org.civicbackbone.api.module.DecisionRule;
import org.civicbackbone.api.module.DecisionType;
import org.civicbackbone.api.module.StructureModel;
import org.civicbackbone.api.problem.Problem;
import org.civicbackbone.api.problem.ProblemException;

/**
 * The rule book's rows through a mapper (ADR 0009): adjustments and model changes waiting for their decision, the
 * adopted versions of each rule and the initiative's model history. Approval chains are kept as written by
 * {@link RuleSteps#write}.
 */
public interface RuleRecords {

    /** An adjustment or an adopted version of one rule. */
    record RuleRow(String modelId, DecisionType decisionType, int version, String steps, Long proposalId,
                   Instant effectiveAt) {

        RuleVersion version(String initiativeId) {
            return new RuleVersion(initiativeId, modelId, decisionType, version, RuleSteps.read(steps), proposalId,
                    effectiveAt);
        }
    }

    /** A model change waiting for its decision. */
    record ModelChangeRow(String fromModel, String toModel) {
    }

    @Insert("INSERT INTO gov_rule_change (proposal_id, initiative_id, model_id, decision_type, steps) "
            + "VALUES (#{proposalId}, #{initiativeId}, #{modelId}, #{type}, #{steps})")
    void insertRuleChange(@Param("proposalId") long proposalId, @Param("initiativeId") String initiativeId,
                          @Param("modelId") String modelId, @Param("type") DecisionType type,
                          @Param("steps") String steps);

    @Select("SELECT model_id, decision_type, 0 AS version, steps, proposal_id, NULL AS effective_at "
            + "FROM gov_rule_change WHERE proposal_id = #{proposalId}")
    RuleRow ruleChange(long proposalId);

    @Select("SELECT COALESCE(MAX(version), 0) + 1 FROM gov_rule_version WHERE initiative_id = #{initiativeId} "
            + "AND model_id = #{modelId} AND decision_type = #{type}")
    int nextVersion(@Param("initiativeId") String initiativeId, @Param("modelId") String modelId,
                    @Param("type") DecisionType type);

    @Insert("INSERT INTO gov_rule_version (initiative_id, model_id, decision_type, version, steps, proposal_id, "
            + "effective_at) VALUES (#{initiativeId}, #{row.modelId}, #{row.decisionType}, #{row.version}, "
            + "#{row.steps}, #{row.proposalId}, #{row.effectiveAt})")
    void insertVersion(@Param("initiativeId") String initiativeId, @Param("row") RuleRow row);

    @Select("SELECT model_id, decision_type, version, steps, proposal_id, effective_at FROM gov_rule_version "
            + "WHERE initiative_id = #{initiativeId} ORDER BY effective_at, version")
    List<RuleRow> versions(String initiativeId);

    @Select("SELECT model_id, decision_type, version, steps, proposal_id, effective_at FROM gov_rule_version "
            + "WHERE initiative_id = #{initiativeId} AND model_id = #{modelId} ORDER BY decision_type, version")
    List<RuleRow> versionsUnder(@Param("initiativeId") String initiativeId, @Param("modelId") String modelId);

    @Insert("INSERT INTO gov_model_change (proposal_id, initiative_id, from_model, to_model) "
            + "VALUES (#{proposalId}, #{initiativeId}, #{fromModel}, #{toModel})")
    void insertModelChange(@Param("proposalId") long proposalId, @Param("initiativeId") String initiativeId,
                           @Param("fromModel") String fromModel, @Param("toModel") String toModel);

    @Select("SELECT from_model, to_model FROM gov_model_change WHERE proposal_id = #{proposalId}")
    ModelChangeRow modelChange(long proposalId);

    @Select("SELECT COUNT(*) FROM gov_rule_version WHERE proposal_id = #{proposalId}")
    int versionsAdoptedBy(long proposalId);

    @Select("SELECT COUNT(*) FROM gov_model_history WHERE proposal_id = #{proposalId}")
    int modelsStartedBy(long proposalId);

    /** An approved change of structure not yet in force. */
    record DueChange(String initiativeId, long proposalId) {
    }

    /** The approved changes of structure whose rule or model is not in force yet (an announcement lost to a crash). */
    @Select("SELECT p.initiative_id, p.id AS proposal_id FROM gov_proposal p WHERE p.state = 'APPROVED' "
            + "AND p.type = 'CHANGE_STRUCTURE' AND p.module = 'core' AND ((EXISTS (SELECT 1 FROM gov_rule_change r WHERE r.proposal_id = p.id) "
            + "AND NOT EXISTS (SELECT 1 FROM gov_rule_version v WHERE v.proposal_id = p.id)) "
            + "OR (EXISTS (SELECT 1 FROM gov_model_change m WHERE m.proposal_id = p.id) "
            + "AND NOT EXISTS (SELECT 1 FROM gov_model_history h WHERE h.proposal_id = p.id))) ORDER BY p.id")
    List<DueChange> dueChanges();

    @Select("SELECT model_id, effective_at AS from_at, proposal_id FROM gov_model_history "
            + "WHERE initiative_id = #{initiativeId} ORDER BY id")
    List<ModelStart> modelStarts(String initiativeId);

    /** When an initiative went onto a model, and by which decision. */
    record ModelStart(String modelId, Instant fromAt, Long proposalId) {
    }

    /** Adopts an approved adjustment as the rule's next version; returns it, or null if the proposal had none. */
    default RuleRow adopt(String initiativeId, long proposalId, Instant at) {
        RuleRow change = ruleChange(proposalId);
        if (change == null) {
            return null;
        }
        RuleRow adopted = new RuleRow(change.modelId(), change.decisionType(),
                nextVersion(initiativeId, change.modelId(), change.decisionType()), change.steps(), proposalId, at);
        insertVersion(initiativeId, adopted);
        return adopted;
    }

    /** The model's defaults with the initiative's latest adopted version of each in place. One query. */
    default List<AccountabilityRule> inForce(String initiativeId, String modelId, List<AccountabilityRule> defaults) {
        java.util.Map<DecisionType, RuleRow> latest = new java.util.EnumMap<>(DecisionType.class);
        versionsUnder(initiativeId, modelId).forEach(row -> latest.put(row.decisionType(), row));
        List<AccountabilityRule> rules = new ArrayList<>();
        for (AccountabilityRule rule : defaults) {
            RuleRow adopted = latest.get(rule.decisionType());
            rules.add(adopted == null ? rule : new AccountabilityRule(rule.decisionType(), RuleSteps.read(adopted.steps()),
                    rule.rationale() + " (Adjusted by this initiative.)"));
        }
        return rules;
    }

    /** The rule in force for a decision under the model; 409 where the model has none or permits none. */
    default AccountabilityRule ruleFor(String initiativeId, StructureModel model, DecisionType type) {
        AccountabilityRule rule = inForce(initiativeId, model.id(), model.accountabilityRules()).stream()
                .filter(r -> r.decisionType() == type).findFirst()
                .orElseThrow(() -> new ProblemException(Problem.conflict("The '" + model.id()
                        + "' model has no rule for " + type + ".")));
        if (rule.steps().isEmpty() || rule.steps().stream().anyMatch(s -> s.rule() == DecisionRule.NOT_PERMITTED)) {
            throw new ProblemException(new Problem("urn:civicbackbone:problem:decision-not-permitted",
                    "Decision not permitted", 409, model.name() + ": " + type + " is not permitted. "
                            + rule.rationale(), List.of()));
        }
        return rule;
    }

    /** The models the initiative has been on, each until the next began. */
    default List<ModelPeriod> modelHistory(String initiativeId) {
        List<ModelStart> starts = modelStarts(initiativeId);
        List<ModelPeriod> periods = new ArrayList<>();
        for (int i = 0; i < starts.size(); i++) {
            ModelStart start = starts.get(i);
            periods.add(new ModelPeriod(start.modelId(), start.fromAt(),
                    i + 1 < starts.size() ? starts.get(i + 1).fromAt() : null, start.proposalId()));
        }
        return periods;
    }
}
