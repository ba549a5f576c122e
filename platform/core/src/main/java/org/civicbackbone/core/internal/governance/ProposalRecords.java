package org.civicbackbone.core.internal.governance;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Options;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;
import org.civicbackbone.api.decision.Proposal;
import org.civicbackbone.api.decision.ProposalSpec;
import org.civicbackbone.api.decision.ProposalState;
import org.civicbackbone.api.decision.Vote;
import org.civicbackbone.api.decision.VoteChoice;
import org.civicbackbone.api.initiative.SameName;
import org.civicbackbone.api.module.AccountabilityRule;
import org.civicbackbone.api.module.ApprovalStep;
import org.civicbackbone.api.module.DecisionRule;
import org.civicbackbone.api.module.DecisionType;
import org.civicbackbone.api.problem.Problem;
import org.civicbackbone.api.problem.ProblemException;
import org.civicbackbone.api.problem.Violation;
import org.civicbackbone.api.store.GeneratedKey;

/**
 * The decision engine's rows through a mapper (ADR 0009): proposals, their steps, the seats fixed when they opened
 * and their votes. One proposal reads in two queries, all of an initiative's in two.
 */
public interface ProposalRecords {

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

    /** A seat fixed for one step when the proposal opened. */
    record SeatRow(int stepIndex, String voter, String organisation, boolean conflicted) {

        Seat seat() {
            return new Seat(voter, organisation, conflicted);
        }
    }

    String PROPOSAL_COLUMNS = "id, initiative_id, type, title, description, beneficiary, module, model_id, rationale, "
            + "proposed_by, state, created_at, expires_at, decided_at";

    /** Whether the voter {@code v} of step {@code s} of {@code p} still holds a seat on a sitting body of its type. */
    String SEATED = "EXISTS (SELECT 1 FROM core_membership m JOIN core_body b ON b.id = m.body_id "
            + "WHERE b.initiative_id = p.initiative_id AND b.type = s.body_type AND m.username = v.voter "
            + "AND m.retired_at IS NULL AND b.retired_at IS NULL)";

    /** Whether the voter {@code v} has voted on step {@code s}. */
    String VOTED = "EXISTS (SELECT 1 FROM gov_vote w WHERE w.proposal_id = s.proposal_id "
            + "AND w.step_index = s.step_index AND w.voter = v.voter)";

    /** The open proposals whose open step has the voter's seat (not conflicted, still held) and no vote of theirs yet. */
    String AWAITING = " FROM gov_proposal p JOIN gov_step s ON s.proposal_id = p.id AND s.state = 'OPEN' "
            + "JOIN gov_step_voter v ON v.proposal_id = p.id AND v.step_index = s.step_index AND v.voter = #{voter} "
            + "AND v.conflicted = FALSE WHERE p.state = 'OPEN' AND NOT " + VOTED + " AND " + SEATED;

    /**
     * The voters of open steps who gave up their seat without voting on it: they decide nothing, so they are not
     * counted among the step's voters ({@link ProposalProgress}).
     */
    String ABSENT = " FROM gov_proposal p JOIN gov_step s ON s.proposal_id = p.id "
            + "JOIN gov_step_voter v ON v.proposal_id = p.id AND v.step_index = s.step_index AND v.conflicted = FALSE "
            + "WHERE NOT " + VOTED + " AND NOT " + SEATED;

    /** The step's voters who gave up their seat without voting on it. */
    @Select("SELECT v.voter" + ABSENT + " AND p.id = #{id} AND s.step_index = #{stepIndex}")
    List<String> absentVoters(@Param("id") long id, @Param("stepIndex") int stepIndex);

    /** The initiatives with an open proposal whose open step lost a voter who had not voted. */
    @Select("SELECT DISTINCT p.initiative_id" + ABSENT + " AND p.state = 'OPEN' AND s.state = 'OPEN'")
    List<String> initiativesWithAbsentVoters();

    /** The initiative's open proposals whose open step lost a voter who had not voted. */
    @Select("SELECT DISTINCT p.id" + ABSENT + " AND p.state = 'OPEN' AND s.state = 'OPEN' "
            + "AND p.initiative_id = #{initiativeId} ORDER BY p.id")
    List<Long> withAbsentVoters(String initiativeId);

    @Select("SELECT p.id, p.initiative_id, p.type, p.title, p.description, p.beneficiary, p.module, p.model_id, "
            + "p.rationale, p.proposed_by, p.state, p.created_at, p.expires_at, p.decided_at" + AWAITING
            + " ORDER BY p.expires_at, p.id")
    List<ProposalRow> awaitingRows(String voter);

    @Select("SELECT proposal_id, step_index, body_type, rule, state FROM gov_step WHERE proposal_id IN "
            + "(SELECT p.id" + AWAITING + ") ORDER BY proposal_id, step_index")
    List<StepRow> awaitingSteps(String voter);

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

    /** Locks the proposal's row for the rest of the transaction: votes, expiry and withdrawal take turns. */
    @Select("SELECT id FROM gov_proposal WHERE id = #{id} AND initiative_id = #{initiativeId} FOR UPDATE")
    Long lockRow(@Param("initiativeId") String initiativeId, @Param("id") long id);

    @Select("SELECT id FROM gov_proposal WHERE initiative_id = #{initiativeId} AND state = 'OPEN' "
            + "AND expires_at <= #{now}")
    List<Long> due(@Param("initiativeId") String initiativeId, @Param("now") Instant now);

    @Select("SELECT DISTINCT initiative_id FROM gov_proposal WHERE state = 'OPEN' AND expires_at <= #{now}")
    List<String> initiativesWithDue(Instant now);

    @Select("SELECT step_index, voter, organisation, conflicted FROM gov_step_voter WHERE proposal_id = #{id} "
            + "ORDER BY voter")
    List<SeatRow> seatRows(long id);

    @Select("SELECT id, proposal_id, step_index, voter, organisation, choice, reason, cast_at FROM gov_vote "
            + "WHERE proposal_id = #{id} ORDER BY id")
    List<Vote> votes(long id);

    @Select("SELECT v.id, v.proposal_id, v.step_index, v.voter, v.organisation, v.choice, v.reason, v.cast_at "
            + "FROM gov_vote v JOIN gov_proposal p ON p.id = v.proposal_id WHERE p.initiative_id = #{initiativeId} "
            + "ORDER BY v.id")
    List<Vote> votesOfInitiative(String initiativeId);

    /** The initiative's votes by proposal, in the order cast: one query. */
    default Map<Long, List<Vote>> votesByProposal(String initiativeId) {
        return votesOfInitiative(initiativeId).stream().collect(Collectors.groupingBy(Vote::proposalId,
                java.util.LinkedHashMap::new, Collectors.toList()));
    }

    @Insert("INSERT INTO gov_proposal (initiative_id, type, title, description, beneficiary, module, model_id, "
            + "rationale, proposed_by, state, created_at, expires_at) VALUES (#{initiativeId}, #{type}, #{title}, "
            + "#{description}, #{beneficiary}, #{module}, #{modelId}, #{rationale}, #{proposedBy}, 'OPEN', "
            + "#{createdAt}, #{expiresAt})")
    @Options(useGeneratedKeys = true, keyProperty = "key.id", keyColumn = "id")
    void insertProposal(@Param("key") GeneratedKey key, @Param("initiativeId") String initiativeId,
                        @Param("type") DecisionType type, @Param("title") String title,
                        @Param("description") String description, @Param("beneficiary") String beneficiary,
                        @Param("module") String module, @Param("modelId") String modelId,
                        @Param("rationale") String rationale, @Param("proposedBy") String proposedBy,
                        @Param("createdAt") Instant createdAt, @Param("expiresAt") Instant expiresAt);

    @Insert("INSERT INTO gov_step (proposal_id, step_index, body_type, rule, state) "
            + "VALUES (#{id}, #{index}, #{bodyType}, #{rule}, #{state})")
    void insertStep(@Param("id") long id, @Param("index") int index, @Param("bodyType") String bodyType,
                    @Param("rule") DecisionRule rule, @Param("state") String state);

    @Insert("INSERT INTO gov_step_voter (proposal_id, step_index, voter, organisation, conflicted) "
            + "VALUES (#{id}, #{index}, #{voter}, #{organisation}, #{conflicted})")
    void insertSeat(@Param("id") long id, @Param("index") int index, @Param("voter") String voter,
                    @Param("organisation") String organisation, @Param("conflicted") boolean conflicted);

    @Insert("INSERT INTO gov_vote (proposal_id, step_index, voter, organisation, choice, reason, cast_at) "
            + "VALUES (#{id}, #{index}, #{voter}, #{organisation}, #{choice}, #{reason}, #{castAt})")
    void insertVote(@Param("id") long id, @Param("index") int index, @Param("voter") String voter,
                    @Param("organisation") String organisation, @Param("choice") VoteChoice choice,
                    @Param("reason") String reason, @Param("castAt") Instant castAt);

    @Update("UPDATE gov_step SET state = #{state} WHERE proposal_id = #{id} AND step_index = #{index}")
    int setStep(@Param("id") long id, @Param("index") int index, @Param("state") String state);

    @Update("UPDATE gov_proposal SET state = #{state}, decided_at = #{at} WHERE id = #{id} AND state = 'OPEN'")
    int finish(@Param("id") long id, @Param("state") ProposalState state, @Param("at") Instant at);

    /** Locks the proposal's row, or a 404 problem if the initiative has no such proposal. */
    default void lock(String initiativeId, long id) {
        if (lockRow(initiativeId, id) == null) {
            throw noProposal(initiativeId, id);
        }
    }

    /** The proposal with its steps; a 404 problem if the initiative has no such proposal. */
    default Proposal load(String initiativeId, long id) {
        ProposalRow row = proposal(initiativeId, id);
        if (row == null) {
            throw noProposal(initiativeId, id);
        }
        return row.with(steps(id).stream().map(StepRow::step).toList());
    }

    /** Every proposal of the initiative with its steps, newest first. */
    default List<Proposal> all(String initiativeId) {
        Map<Long, List<Proposal.Step>> steps = stepsOf(initiativeId).stream().collect(Collectors.groupingBy(
                StepRow::proposalId, Collectors.mapping(StepRow::step, Collectors.toList())));
        return proposalsOf(initiativeId).stream().map(row -> row.with(steps.getOrDefault(row.id(), List.of()))).toList();
    }

    /** The proposals waiting for the voter's vote with their steps, the soonest to expire first: two queries. */
    default List<Proposal> awaiting(String voter) {
        Map<Long, List<Proposal.Step>> steps = awaitingSteps(voter).stream().collect(Collectors.groupingBy(
                StepRow::proposalId, Collectors.mapping(StepRow::step, Collectors.toList())));
        return awaitingRows(voter).stream().map(row -> row.with(steps.getOrDefault(row.id(), List.of()))).toList();
    }

    /** The seats fixed for a step when its proposal opened, or null for a proposal opened before seats were kept. */
    default List<Seat> recordedSeats(long id, int stepIndex) {
        List<SeatRow> rows = seatRows(id);
        return rows.isEmpty() ? null : rows.stream().filter(r -> r.stepIndex() == stepIndex).map(SeatRow::seat).toList();
    }

    /** The initiative's proposals of one type, from one module, still open to votes. */
    @Select("SELECT " + PROPOSAL_COLUMNS + " FROM gov_proposal WHERE initiative_id = #{initiativeId} AND state = 'OPEN' "
            + "AND type = #{type} AND module = #{module} AND expires_at > #{now}")
    List<ProposalRow> openOfType(@Param("initiativeId") String initiativeId, @Param("type") DecisionType type,
                                 @Param("module") String module, @Param("now") Instant now);

    /**
     * Opens a proposal with its steps and the seats fixed now. One alike (type, module, title case and spaces aside,
     * description and beneficiary) still open is refused with a 409 naming {@code title}: a second click would split
     * the votes between two.
     */
    default long open(String initiativeId, ProposalSpec spec, String module, String modelId, AccountabilityRule rule,
                      String actor, Instant now, Instant expires, List<List<Seat>> seats) {
        GeneratedKey key = new GeneratedKey();
        String beneficiary = spec.beneficiary() == null || spec.beneficiary().isBlank() ? null : spec.beneficiary().strip();
        for (ProposalRow twin : openOfType(initiativeId, spec.type(), module, now)) {
            if (SameName.of(twin.title(), spec.title()) && Objects.equals(twin.description(), spec.description())
                    && Objects.equals(twin.beneficiary(), beneficiary)) {
                throw new ProblemException(Problem.conflict("Proposal " + twin.id() + " ('" + twin.title()
                        + "') is open to votes already.", List.of(new Violation("title", "is open proposal "
                        + twin.id()))));
            }
        }
        insertProposal(key, initiativeId, spec.type(), spec.title().strip(), spec.description(), beneficiary, module,
                modelId, rule.rationale(), actor, now, expires);
        for (int i = 0; i < rule.steps().size(); i++) {
            ApprovalStep step = rule.steps().get(i);
            insertStep(key.id(), i, step.bodyType(), step.rule(), i == 0 ? "OPEN" : "PENDING");
        }
        for (int i = 0; i < seats.size(); i++) {
            for (Seat seat : seats.get(i)) {
                insertSeat(key.id(), i, seat.voter(), seat.organisation(), seat.conflicted());
            }
        }
        return key.id();
    }

    private static ProblemException noProposal(String initiativeId, long id) {
        return new ProblemException(Problem.notFound("Initiative '" + initiativeId + "' has no proposal " + id + "."));
    }
}
