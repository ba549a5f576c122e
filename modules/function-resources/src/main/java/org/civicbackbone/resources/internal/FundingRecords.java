package org.civicbackbone.resources.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.apache.ibatis.annotations.Delete;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Options;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;
import org.civicbackbone.api.decision.Proposal;
import org.civicbackbone.api.decision.ProposalState;
import org.civicbackbone.api.initiative.Sector;
import org.civicbackbone.api.store.BackboneStore;
import org.civicbackbone.api.store.GeneratedKey;
import org.civicbackbone.resources.internal.Funding.Allocation;
import org.civicbackbone.resources.internal.Funding.BudgetLine;
import org.civicbackbone.resources.internal.Funding.Funder;
import org.civicbackbone.resources.internal.Funding.Grant;
import org.civicbackbone.resources.internal.Funding.RecipientKind;
import org.civicbackbone.resources.internal.Funding.Stage;

/** The resources module's tables through a mapper (ADR 0009); rows are matched by column name. */
public interface FundingRecords {

    /** A grant's row with its funder's name and the money received on it; the status is worked out from the proposal. */
    record GrantRow(long id, long funderId, String funder, String title, Stage stage, BigDecimal amountRequested,
                    BigDecimal amountAwarded, LocalDate periodStart, LocalDate periodEnd, BigDecimal received,
                    Long acceptanceProposalId, String createdBy, Instant createdAt) {
    }

    /** A reporting deadline's row with its grant and funder. */
    record DeadlineRow(long id, long grantId, String grant, String funder, LocalDate dueOn, String description,
                       LocalDate submittedOn) {
    }

    /** An allocation's row; its state is its proposal's. */
    record AllocationRow(long id, Long grantId, RecipientKind recipientKind, String recipient,
                         String partnerOrganisation, BigDecimal amount, String purpose, long proposalId,
                         String proposedBy, Instant proposedAt) {
    }

    /** A grant not declined, as a new grant of its funder is compared with it. */
    record LiveGrant(long id, String funder, String title, Stage stage, LocalDate periodStart, LocalDate periodEnd) {
    }

    /** A grant's award, read under lock. */
    record Award(long id, BigDecimal amountAwarded) {
    }

    @Select("SELECT id, initiative_id, name, sector, contact, organisation_id FROM rs_funder "
            + "WHERE initiative_id = #{initiativeId} ORDER BY name")
    List<Funder> funders(String initiativeId);

    @Insert("INSERT INTO rs_funder (initiative_id, name, sector, contact, organisation_id) "
            + "VALUES (#{initiativeId}, #{name}, #{sector}, #{contact}, #{organisationId})")
    @Options(useGeneratedKeys = true, keyProperty = "key.id", keyColumn = "id")
    void insertFunder(@Param("key") GeneratedKey key, @Param("initiativeId") String initiativeId,
                      @Param("name") String name, @Param("sector") Sector sector, @Param("contact") String contact,
                      @Param("organisationId") long organisationId);

    @Update("UPDATE rs_funder SET name = #{name}, sector = #{sector}, contact = #{contact}, "
            + "organisation_id = #{organisationId} WHERE id = #{id}")
    int updateFunder(@Param("id") long id, @Param("name") String name, @Param("sector") Sector sector,
                     @Param("contact") String contact, @Param("organisationId") long organisationId);

    @Select("SELECT g.id, g.funder_id, f.name AS funder, g.title, g.stage, g.amount_requested, g.amount_awarded, "
            + "g.period_start, g.period_end, (SELECT COALESCE(SUM(r.amount), 0) FROM rs_receipt r "
            + "WHERE r.grant_id = g.id) AS received, g.acceptance_proposal_id, g.created_by, g.created_at "
            + "FROM rs_grant g JOIN rs_funder f ON f.id = g.funder_id WHERE g.initiative_id = #{initiativeId} "
            + "ORDER BY g.id")
    List<GrantRow> grantRows(String initiativeId);

    @Select("SELECT g.id, f.name AS funder, g.title, g.stage, g.period_start, g.period_end FROM rs_grant g "
            + "JOIN rs_funder f ON f.id = g.funder_id WHERE g.initiative_id = #{initiativeId} "
            + "AND g.funder_id = #{funderId} AND g.stage <> 'DECLINED' ORDER BY g.id")
    List<LiveGrant> liveGrantsOf(@Param("initiativeId") String initiativeId, @Param("funderId") long funderId);

    @Insert("INSERT INTO rs_grant (initiative_id, funder_id, title, stage, amount_requested, period_start, period_end, "
            + "created_by, created_at) VALUES (#{initiativeId}, #{funderId}, #{title}, #{stage}, #{amountRequested}, "
            + "#{periodStart}, #{periodEnd}, #{createdBy}, #{createdAt})")
    @Options(useGeneratedKeys = true, keyProperty = "key.id", keyColumn = "id")
    void insertGrant(@Param("key") GeneratedKey key, @Param("initiativeId") String initiativeId,
                     @Param("funderId") long funderId, @Param("title") String title, @Param("stage") Stage stage,
                     @Param("amountRequested") BigDecimal amountRequested, @Param("periodStart") LocalDate periodStart,
                     @Param("periodEnd") LocalDate periodEnd, @Param("createdBy") String createdBy,
                     @Param("createdAt") Instant createdAt);

    /**
     * Moves a grant to a stage, only if it is still at {@code seenStage} and put to the proposal {@code seenProposal}
     * (or none) as it was read: 0 when it moved or was put to acceptance since.
     */
    @Update("UPDATE rs_grant SET stage = #{stage}, amount_awarded = COALESCE(#{amountAwarded}, amount_awarded), "
            + "period_start = #{periodStart}, period_end = #{periodEnd} WHERE id = #{grantId} AND stage = #{seenStage} "
            + "AND (acceptance_proposal_id = #{seenProposal,jdbcType=BIGINT} OR acceptance_proposal_id IS NULL "
            + "AND #{seenProposal,jdbcType=BIGINT} IS NULL)")
    int setStage(@Param("grantId") long grantId, @Param("stage") Stage stage,
                 @Param("amountAwarded") BigDecimal amountAwarded, @Param("periodStart") LocalDate periodStart,
                 @Param("periodEnd") LocalDate periodEnd, @Param("seenStage") Stage seenStage,
                 @Param("seenProposal") Long seenProposal);

    /** Corrects a grant still at the stage it was read at; 0 when the funder's answer came first. */
    @Update("UPDATE rs_grant SET funder_id = #{funderId}, title = #{title}, amount_requested = #{amountRequested}, "
            + "period_start = #{periodStart}, period_end = #{periodEnd} WHERE id = #{grantId} AND stage = #{seenStage}")
    int updateGrant(@Param("grantId") long grantId, @Param("funderId") long funderId, @Param("title") String title,
                    @Param("amountRequested") BigDecimal amountRequested, @Param("periodStart") LocalDate periodStart,
                    @Param("periodEnd") LocalDate periodEnd, @Param("seenStage") Stage seenStage);

    /**
     * Puts a grant to a proposal, only if it is still an award and no other proposal took it since {@code seen} (its
     * last, or null) was read.
     */
    @Update("UPDATE rs_grant SET acceptance_proposal_id = #{proposalId} WHERE id = #{grantId} AND stage = 'AWARDED' AND "
            + "(acceptance_proposal_id = #{seen,jdbcType=BIGINT} OR acceptance_proposal_id IS NULL "
            + "AND #{seen,jdbcType=BIGINT} IS NULL)")
    int setAcceptanceProposal(@Param("grantId") long grantId, @Param("proposalId") long proposalId,
                              @Param("seen") Long seen);

    /** Locks the initiative's grants until the transaction ends (the money checks' turn-taking). */
    @Select("SELECT id, amount_awarded FROM rs_grant WHERE initiative_id = #{initiativeId} FOR UPDATE")
    List<Award> lockAll(String initiativeId);

    /** Locks one grant until the transaction ends; null when the initiative has no such grant. */
    @Select("SELECT id, amount_awarded FROM rs_grant WHERE initiative_id = #{initiativeId} AND id = #{grantId} "
            + "FOR UPDATE")
    Award lockOne(@Param("initiativeId") String initiativeId, @Param("grantId") long grantId);

    @Select("SELECT COALESCE(SUM(amount), 0) FROM rs_receipt WHERE grant_id = #{grantId}")
    BigDecimal received(long grantId);

    @Insert("INSERT INTO rs_receipt (grant_id, amount, received_on, recorded_by, recorded_at) "
            + "VALUES (#{grantId}, #{amount}, #{receivedOn}, #{recordedBy}, #{recordedAt})")
    @Options(useGeneratedKeys = true, keyProperty = "key.id", keyColumn = "id")
    void insertReceipt(@Param("key") GeneratedKey key, @Param("grantId") long grantId,
                       @Param("amount") BigDecimal amount, @Param("receivedOn") LocalDate receivedOn,
                       @Param("recordedBy") String recordedBy, @Param("recordedAt") Instant recordedAt);

    @Select("SELECT d.id, d.grant_id, g.title AS \"grant\", f.name AS funder, d.due_on, d.description, d.submitted_on "
            + "FROM rs_deadline d JOIN rs_grant g ON g.id = d.grant_id JOIN rs_funder f ON f.id = g.funder_id "
            + "WHERE g.initiative_id = #{initiativeId} ORDER BY d.due_on, d.id")
    List<DeadlineRow> deadlines(String initiativeId);

    /** The reports not yet submitted that fall due by a day, in any of these initiatives (distinct), soonest first. */
    @Select("SELECT g.initiative_id, d.id, d.grant_id, g.title AS \"grant\", f.name AS funder, d.due_on, d.description "
            + "FROM " + BackboneStore.CHOSEN_INITIATIVES + " JOIN rs_grant g ON g.initiative_id = chosen.initiative_id "
            + "JOIN rs_deadline d ON d.grant_id = g.id JOIN rs_funder f ON f.id = g.funder_id "
            + "WHERE d.submitted_on IS NULL AND d.due_on <= #{until} ORDER BY d.due_on, d.id")
    List<OwedRow> owed(@Param("initiativeIds") String[] initiativeIds, @Param("until") LocalDate until);

    /** A report still owed, with the initiative of its grant. */
    record OwedRow(String initiativeId, long id, long grantId, String grant, String funder, LocalDate dueOn,
                   String description) {
    }

    @Insert("INSERT INTO rs_deadline (grant_id, due_on, description) VALUES (#{grantId}, #{dueOn}, #{description})")
    @Options(useGeneratedKeys = true, keyProperty = "key.id", keyColumn = "id")
    void insertDeadline(@Param("key") GeneratedKey key, @Param("grantId") long grantId,
                        @Param("dueOn") LocalDate dueOn, @Param("description") String description);

    @Update("UPDATE rs_deadline SET submitted_on = #{submittedOn} WHERE id = #{deadlineId} AND submitted_on IS NULL")
    int markSubmitted(@Param("deadlineId") long deadlineId, @Param("submittedOn") LocalDate submittedOn);

    @Select("SELECT category, amount FROM rs_budget_line WHERE initiative_id = #{initiativeId} "
            + "AND budget_year = #{year} ORDER BY category")
    List<BudgetLine> budget(@Param("initiativeId") String initiativeId, @Param("year") int year);

    @Delete("DELETE FROM rs_budget_line WHERE initiative_id = #{initiativeId} AND budget_year = #{year}")
    int clearBudget(@Param("initiativeId") String initiativeId, @Param("year") int year);

    @Insert("INSERT INTO rs_budget_line (initiative_id, budget_year, category, amount) "
            + "VALUES (#{initiativeId}, #{year}, #{category}, #{amount})")
    void insertBudgetLine(@Param("initiativeId") String initiativeId, @Param("year") int year,
                          @Param("category") String category, @Param("amount") BigDecimal amount);

    @Select("SELECT id, grant_id, recipient_kind, recipient, partner_organisation, amount, purpose, proposal_id, "
            + "proposed_by, proposed_at FROM rs_allocation WHERE initiative_id = #{initiativeId} ORDER BY id")
    List<AllocationRow> allocationRows(String initiativeId);

    @Insert("INSERT INTO rs_allocation (initiative_id, grant_id, recipient_kind, recipient, partner_organisation, "
            + "beneficiary_organisation_id, amount, purpose, proposal_id, proposed_by, proposed_at) VALUES "
            + "(#{initiativeId}, #{grantId}, #{recipientKind}, #{recipient}, #{partnerOrganisation}, "
            + "#{beneficiaryId}, #{amount}, #{purpose}, #{proposalId}, #{proposedBy}, #{proposedAt})")
    void insertAllocation(@Param("initiativeId") String initiativeId, @Param("grantId") Long grantId,
                          @Param("recipientKind") RecipientKind recipientKind, @Param("recipient") String recipient,
                          @Param("partnerOrganisation") String partnerOrganisation,
                          @Param("beneficiaryId") Long beneficiaryId, @Param("amount") BigDecimal amount,
                          @Param("purpose") String purpose, @Param("proposalId") long proposalId,
                          @Param("proposedBy") String proposedBy, @Param("proposedAt") Instant proposedAt);

    /** The initiative's grants, each with the state of its acceptance proposal (from {@code proposals}). */
    default List<Grant> grants(String initiativeId, Map<Long, Proposal> proposals) {
        return grantRows(initiativeId).stream().map(r -> {
            Proposal acceptance = r.acceptanceProposalId() == null ? null : proposals.get(r.acceptanceProposalId());
            ProposalState state = acceptance == null ? null : acceptance.state();
            return new Grant(r.id(), initiativeId, r.funderId(), r.funder(), r.title(),
                    FundingReports.status(r.stage(), state), r.amountRequested(), r.amountAwarded(), r.periodStart(),
                    r.periodEnd(), r.received(), r.acceptanceProposalId(), state, r.createdBy(), r.createdAt());
        }).toList();
    }

    /** The initiative's allocations, each in its proposal's state (OPEN until {@code proposals} says otherwise). */
    default List<Allocation> allocations(String initiativeId, Map<Long, Proposal> proposals) {
        return allocationRows(initiativeId).stream().map(r -> {
            Proposal proposal = proposals.get(r.proposalId());
            return new Allocation(r.id(), initiativeId, r.grantId(), r.recipientKind(), r.recipient(),
                    r.partnerOrganisation(), r.amount(), r.purpose(), r.proposalId(),
                    proposal == null ? ProposalState.OPEN : proposal.state(), r.proposedBy(), r.proposedAt());
        }).toList();
    }
}
