package org.civicbackbone.resources.internal;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.civicbackbone.api.decision.ProposalState;
import org.civicbackbone.api.initiative.Sector;

/** The resources function's records: funders, grants, deadlines, receipts, budget and allocations. */
public final class Funding {

    private Funding() {
    }

    /** A funder. */
    public record Funder(long id, String initiativeId, String name, Sector sector, String contact,
                         Long organisationId) {
    }

    /** A funder to record. */
    public record FunderSpec(@NotBlank @Size(max = 200) String name, @NotNull Sector sector,
                             @Size(max = 200) String contact) {
    }

    /** What the funder has done with a grant, as the staff record it. */
    public enum Stage {
        /** Spotted, not yet applied for. */
        OPPORTUNITY,
        /** Our proposal is with the funder. */
        SUBMITTED,
        /** The funder offered an award; accepting it is a governed decision. */
        AWARDED,
        /** The funder said no. */
        DECLINED
    }

    /** Where a grant stands: its stage, and once awarded, the decision to accept it. */
    public enum GrantStatus {
        OPPORTUNITY, SUBMITTED, AWARDED, DECLINED,
        /** Acceptance is being decided by the initiative's bodies. */
        ACCEPTING,
        /** Accepted: an agreement in force; money may be received against it. */
        ACTIVE,
        /** The bodies did not accept it (rejected, withdrawn or expired); it may be put to them again. */
        NOT_ACCEPTED
    }

    /**
     * A grant from opportunity through agreement.
     *
     * @param received what has been received against it
     */
    public record Grant(long id, String initiativeId, long funderId, String funder, String title, GrantStatus status,
                        BigDecimal amountRequested, BigDecimal amountAwarded, LocalDate periodStart,
                        LocalDate periodEnd, BigDecimal received, Long acceptanceProposalId,
                        ProposalState acceptanceState, String createdBy, Instant createdAt) {
    }

    /** A grant opportunity to record. */
    public record GrantSpec(@NotNull @Positive Long funderId, @NotBlank @Size(max = 300) String title,
                            @NotNull @DecimalMin("0.01") @Digits(integer = 15, fraction = 2) BigDecimal amountRequested,
                            LocalDate periodStart, LocalDate periodEnd) {
    }

    /** The funder's answer, or our submission. */
    public record StageSpec(@NotNull Stage stage,
                            @DecimalMin("0.01") @Digits(integer = 15, fraction = 2) BigDecimal amountAwarded,
                            LocalDate periodStart, LocalDate periodEnd) {
    }

    /** A request to put a grant's acceptance to the bodies. */
    public record AcceptanceSpec(@Size(max = 4000) String reason, @Min(1) @Max(90) Integer expiresInDays) {
    }

    /** Money received against an active grant. */
    public record Receipt(long id, long grantId, BigDecimal amount, LocalDate receivedOn, String recordedBy) {
    }

    /** Money received, to record. */
    public record ReceiptSpec(@NotNull @DecimalMin("0.01") @Digits(integer = 15, fraction = 2) BigDecimal amount,
                              @NotNull LocalDate receivedOn) {
    }

    /** A report owed to a funder. */
    public record Deadline(long id, long grantId, String grant, String funder, LocalDate dueOn, String description,
                           LocalDate submittedOn, String state) {
    }

    /** A report deadline to record. */
    public record DeadlineSpec(@NotNull LocalDate dueOn, @NotBlank @Size(max = 300) String description) {
    }

    /** One line of the initiative's budget for a year. */
    public record BudgetLine(@NotBlank @Size(max = 100) String category,
                             @NotNull @DecimalMin("0") @Digits(integer = 15, fraction = 2) BigDecimal amount) {
    }

    /** The initiative's budget for a year. */
    public record Budget(String initiativeId, int year, List<BudgetLine> lines, BigDecimal total) {
    }

    /** The budget of a year, replacing what was there. */
    public record BudgetSpec(@NotNull @Size(max = 50) List<@Valid @NotNull BudgetLine> lines) {
    }

    /** Who receives an allocation. */
    public enum RecipientKind {
        ACTIVITY, PARTNER
    }

    /**
     * Funds allocated to an activity or a partner: in effect only once its proposal is approved.
     *
     * @param state the proposal's state: OPEN while pending, APPROVED once in effect
     */
    public record Allocation(long id, String initiativeId, Long grantId, RecipientKind recipientKind, String recipient,
                             String partnerOrganisation, BigDecimal amount, String purpose, long proposalId,
                             ProposalState state, String proposedBy, Instant proposedAt) {
    }

    /**
     * An allocation to propose. For an activity, {@code partnerOrganisation} names the organisation that runs it
     * (its members may not approve it alone); for a partner it is the partner itself.
     */
    public record AllocationSpec(Long grantId, @NotNull RecipientKind recipientKind,
                                 @NotBlank @Size(max = 200) String recipient,
                                 @Size(max = 200) String partnerOrganisation,
                                 @NotNull @DecimalMin("0.01") @Digits(integer = 15, fraction = 2) BigDecimal amount,
                                 @NotBlank @Size(max = 1000) String purpose, @Min(1) @Max(90) Integer expiresInDays) {
    }

    /** Money in and out, as the overview shows it. */
    public record Totals(BigDecimal awarded, BigDecimal received, BigDecimal allocated, BigDecimal pending,
                         BigDecimal available) {
    }

    /** What {@code GET .../resources} answers. */
    public record Overview(String initiativeId, int funders, java.util.Map<GrantStatus, Long> grants, Totals totals,
                           BigDecimal budgetThisYear, List<Deadline> upcomingDeadlines, List<Deadline> overdueDeadlines,
                           List<String> needsAttention) {
    }
}
