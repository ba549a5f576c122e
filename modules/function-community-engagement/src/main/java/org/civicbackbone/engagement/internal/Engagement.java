package org.civicbackbone.engagement.internal;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.civicbackbone.api.decision.ProposalState;
import org.civicbackbone.api.initiative.Sector;

/** The community engagement function's records: communications with key messages, and engagement events. */
public final class Engagement {

    private Engagement() {
    }

    /** What kind of communication. */
    public enum Kind {
        NEWS_RELEASE, REPORT, POST, NEWSLETTER, OTHER
    }

    /** Where a communication stands. */
    public enum Status {
        DRAFT,
        /** Published by the backbone team, not as the initiative's voice. */
        PUBLISHED,
        /** Put to the bodies as an official statement of the initiative. */
        STATEMENT_PROPOSED,
        /** Published as the initiative's official statement, after approval. */
        OFFICIAL_STATEMENT
    }

    /**
     * A communication.
     *
     * @param spokesperson the person named to speak for it: one the structure model authorises
     * @param lastDecision the state of its statement proposal, or null
     */
    public record Communication(long id, String initiativeId, Kind kind, String title, String body,
                                List<String> keyMessages, String spokesperson, Status status, Long statementProposalId,
                                ProposalState lastDecision, Instant publishedAt, String createdBy, Instant createdAt,
                                int revision) {
        public Communication {
            keyMessages = List.copyOf(keyMessages);
        }
    }

    /** A communication to draft. */
    public record CommunicationSpec(@NotNull Kind kind, @NotBlank @Size(max = 300) String title,
                                    @NotBlank @Size(max = 20000) String body,
                                    @Size(max = 10) List<@NotBlank @Size(max = 500) String> keyMessages,
                                    @Size(max = 200) String spokesperson) {
    }

    /** A request to publish as the initiative's official statement. */
    public record StatementSpec(@Size(max = 4000) String reason, @Min(1) @Max(90) Integer expiresInDays) {
    }

    /** How many people of one sector took part. */
    public record Participation(@NotNull Sector sector, @NotNull @PositiveOrZero @Max(1_000_000) Integer count) {
    }

    /** An engagement event: a forum, listening session, community meeting. */
    public record Event(long id, String initiativeId, String title, LocalDate heldOn, String location,
                        List<Participation> participation, int participants, int communityMembersReached,
                        String recordedBy) {
        public Event {
            participation = List.copyOf(participation);
        }
    }

    /** An event to record; participation by sector (each sector at most once). */
    public record EventSpec(@NotBlank @Size(max = 300) String title, @NotNull LocalDate heldOn,
                            @Size(max = 300) String location,
                            @NotNull @Size(max = 5) List<@Valid @NotNull Participation> participation,
                            @NotNull @PositiveOrZero @Max(10_000_000) Integer communityMembersReached) {
    }

    /** What {@code GET .../community-engagement} answers. */
    public record Overview(String initiativeId, Map<Status, Long> communications, int eventsLastYear,
                           Map<Sector, Long> participantsLastYear, long communityMembersReachedLastYear,
                           List<String> spokespeople, List<String> needsAttention) {
    }
}
