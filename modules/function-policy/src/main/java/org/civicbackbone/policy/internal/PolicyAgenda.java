package org.civicbackbone.policy.internal;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.civicbackbone.api.decision.ProposalState;

/** The policy function's records: agenda items, positions, and each partner's stance. */
public final class PolicyAgenda {

    private PolicyAgenda() {
    }

    /** What the item seeks to change. */
    public enum TargetKind {
        BODY, BILL, REGULATION, BUDGET, OTHER
    }

    /** How far the staff have taken an item before a position is put to the bodies. */
    public enum Stage {
        IDEA, RESEARCHING
    }

    /** Where an item stands, from idea through adopted position to outcome. */
    public enum Status {
        IDEA, RESEARCHING,
        /** The position is being decided by the initiative's bodies. */
        POSITION_PROPOSED,
        /** The initiative holds the position and advocates for it. */
        POSITION_ADOPTED,
        /** The outcome is recorded; the item is closed. */
        CLOSED
    }

    /** How it ended. */
    public enum Outcome {
        ENACTED, PARTLY_ENACTED, DEFEATED, STALLED, DROPPED
    }

    /** A partner's stance on an item's position. */
    public enum StanceKind {
        ENDORSE, NEUTRAL, DISSENT
    }

    /**
     * A policy agenda item.
     *
     * @param lastDecision the state of the latest position proposal, or null when none
     * @param stances      the current stance count per kind
     */
    public record Item(long id, String initiativeId, String title, String problem, String proposedPosition,
                       TargetKind targetKind, String target, Status status, Long positionProposalId,
                       ProposalState lastDecision, Outcome outcome, String outcomeNote, Map<StanceKind, Long> stances,
                       String createdBy, Instant createdAt, int revision) {
    }

    /** An item to put on the agenda, or what one being worked out becomes when changed. */
    public record ItemSpec(@NotBlank @Size(max = 300) String title, @NotBlank @Size(max = 4000) String problem,
                           @NotBlank @Size(max = 4000) String proposedPosition, @NotNull TargetKind targetKind,
                           @NotBlank @Size(max = 300) String target) {
    }

    /** The staff's progress on an item before its position is proposed. */
    public record StageSpec(@NotNull Stage stage) {
    }

    /** A request to put an item's position to the bodies. */
    public record AdoptionSpec(@Size(max = 4000) String reason, @Min(1) @Max(90) Integer expiresInDays) {
    }

    /** The outcome of an item. */
    public record OutcomeSpec(@NotNull Outcome outcome, @Size(max = 2000) String note) {
    }

    /**
     * A partner organisation's stance, as recorded (the latest per organisation counts; earlier ones are history).
     *
     * @param organisation   the organisation's registered name when the stance was recorded
     * @param named          false when the partner asked not to be named on a position it does not share
     * @param organisationId the organisation in the initiative's registry (null for stances recorded before it)
     */
    public record Stance(long id, long itemId, String organisation, StanceKind stance, boolean named, String note,
                         String recordedBy, Instant recordedAt, Long organisationId) {
    }

    /** A stance to record; {@code named} defaults to true. */
    public record StanceSpec(@NotBlank @Size(max = 200) String organisation, @NotNull StanceKind stance, Boolean named,
                             @Size(max = 2000) String note) {
    }

    /**
     * The item's position as the initiative states it in public: endorsers by name, the others by name only where
     * they agreed to be named.
     */
    public record Statement(long itemId, String title, String position, String target, Status status,
                            List<String> endorsedBy, List<String> neutral, List<String> dissenting, int notNamed) {
    }

    /** What {@code GET .../policy} answers. */
    public record Overview(String initiativeId, int items, Map<Status, Long> byStatus, List<String> needsAttention) {
    }
}
