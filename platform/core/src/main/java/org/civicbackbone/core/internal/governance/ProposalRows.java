package org.civicbackbone.core.internal.governance;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.civicbackbone.api.decision.Proposal;
import org.civicbackbone.api.decision.ProposalState;
import org.civicbackbone.api.module.DecisionRule;
import org.civicbackbone.api.module.DecisionType;

/** Proposals and their steps read by a mapper (ADR 0009): one proposal in two queries, all of an initiative's in two. */
public interface ProposalRows {

    /** A proposal's own row. */
    record ProposalRow(long id, String initiativeId, DecisionType type, String title, String description,
                       String beneficiary, String module, String modelId, String rationale, String proposedBy,
                       ProposalState state, Instant createdAt, Instant expiresAt, Instant decidedAt) {

        Proposal with(List<Proposal.Step> steps) {
            return new Proposal(id, initiativeId, type, title, description, beneficiary, module, modelId, rationale,
                    proposedBy, state, steps, createdAt, expiresAt, decidedAt);
        }
    }

    /** One approval step of a proposal. */
    record StepRow(long proposalId, int stepIndex, String bodyType, DecisionRule rule, String state) {

        Proposal.Step step() {
            return new Proposal.Step(stepIndex, bodyType, rule, state);
        }
    }

    String PROPOSAL_COLUMNS = "id, initiative_id, type, title, description, beneficiary, module, model_id, rationale, "
            + "proposed_by, state, created_at, expires_at, decided_at";

    @Select("SELECT " + PROPOSAL_COLUMNS + " FROM gov_proposal WHERE id = #{id} AND initiative_id = #{initiativeId}")
    ProposalRow proposal(@Param("initiativeId") String initiativeId, @Param("id") long id);

    @Select("SELECT proposal_id, step_index, body_type, rule, state FROM gov_step WHERE proposal_id = #{id} "
            + "ORDER BY step_index")
    List<StepRow> steps(long id);

    @Select("SELECT " + PROPOSAL_COLUMNS + " FROM gov_proposal WHERE initiative_id = #{initiativeId} ORDER BY id DESC")
    List<ProposalRow> proposalsOf(String initiativeId);

    @Select("SELECT s.proposal_id, s.step_index, s.body_type, s.rule, s.state FROM gov_step s "
            + "JOIN gov_proposal p ON p.id = s.proposal_id WHERE p.initiative_id = #{initiativeId} "
            + "ORDER BY s.proposal_id, s.step_index")
    List<StepRow> stepsOf(String initiativeId);

    /** One proposal with its steps, or null. */
    default Proposal load(String initiativeId, long id) {
        ProposalRow row = proposal(initiativeId, id);
        return row == null ? null : row.with(steps(id).stream().map(StepRow::step).toList());
    }

    /** Every proposal of the initiative with its steps, newest first. */
    default List<Proposal> all(String initiativeId) {
        Map<Long, List<Proposal.Step>> steps = stepsOf(initiativeId).stream().collect(Collectors.groupingBy(
                StepRow::proposalId, Collectors.mapping(StepRow::step, Collectors.toList())));
        return proposalsOf(initiativeId).stream().map(row -> row.with(steps.getOrDefault(row.id(), List.of()))).toList();
    }
}
