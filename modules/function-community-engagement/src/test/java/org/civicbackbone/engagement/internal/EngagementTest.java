package org.civicbackbone.engagement.internal;

import static org.junit.Assert.assertEquals;

import java.time.LocalDate;
import java.util.List;
import org.civicbackbone.api.decision.ProposalState;
import org.civicbackbone.api.initiative.Sector;
import org.civicbackbone.engagement.internal.Engagement.Event;
import org.civicbackbone.engagement.internal.Engagement.Overview;
import org.civicbackbone.engagement.internal.Engagement.Participation;
import org.civicbackbone.engagement.internal.Engagement.Status;
import org.junit.Test;

public class EngagementTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 22);

    @Test
    public void aCommunicationSpeaksForTheInitiativeOnlyOnceItsStatementIsApproved() {
        assertEquals(Status.DRAFT, CommunityEngagement.status(false, null));
        assertEquals(Status.PUBLISHED, CommunityEngagement.status(true, null));
        assertEquals(Status.STATEMENT_PROPOSED, CommunityEngagement.status(false, ProposalState.OPEN));
        assertEquals(Status.OFFICIAL_STATEMENT, CommunityEngagement.status(false, ProposalState.APPROVED));
        assertEquals(Status.DRAFT, CommunityEngagement.status(false, ProposalState.REJECTED));
    }

    @Test
    public void participationIsCountedBySectorOverTheLastYear() {
        Event recent = new Event(1, "i", "Forum", TODAY.minusDays(10), null, List.of(
                new Participation(Sector.COMMUNITY_MEMBER, 40), new Participation(Sector.BUSINESS, 3)), 43, 300, "u");
        Event old = new Event(2, "i", "Old forum", TODAY.minusYears(2), null, List.of(
                new Participation(Sector.COMMUNITY_MEMBER, 99)), 99, 999, "u");
        Overview o = EngagementReports.overview("i", List.of(), List.of(recent, old), List.of("Maria Alvarez"), TODAY);
        assertEquals(1, o.eventsLastYear());
        assertEquals(Long.valueOf(40), o.participantsLastYear().get(Sector.COMMUNITY_MEMBER));
        assertEquals(Long.valueOf(0), o.participantsLastYear().get(Sector.FUNDER));
        assertEquals(300, o.communityMembersReachedLastYear());
        assertEquals(List.of(), o.needsAttention());
    }

    @Test
    public void noCommunityVoiceAndNoSpokespersonNeedAttention() {
        Event staffOnly = new Event(1, "i", "Partner meeting", TODAY.minusDays(3), null,
                List.of(new Participation(Sector.NONPROFIT, 12)), 12, 0, "u");
        Overview o = EngagementReports.overview("i", List.of(), List.of(staffOnly), List.of(), TODAY);
        assertEquals(List.of("nobody may speak for the initiative: no member sits on a body that decides on speaking on behalf",
                "no community members or residents took part in an event in the last twelve months"), o.needsAttention());
    }
}
