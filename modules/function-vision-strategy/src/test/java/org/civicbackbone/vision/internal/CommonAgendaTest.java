package org.civicbackbone.vision.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.civicbackbone.api.decision.Proposal;
import org.civicbackbone.api.decision.ProposalState;
import org.civicbackbone.api.module.DecisionType;
import org.civicbackbone.vision.internal.CommonAgenda.Goal;
import org.civicbackbone.vision.internal.CommonAgenda.Overview;
import org.civicbackbone.vision.internal.CommonAgenda.Status;
import org.civicbackbone.vision.internal.CommonAgenda.Strategy;
import org.civicbackbone.vision.internal.CommonAgenda.Version;
import org.junit.Test;

public class CommonAgendaTest {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    private static Version stored(int number, Long proposalId, List<Goal> goals) {
        return new Version(number, "i", Status.DRAFT, "problem", "vision", goals, "u", T0, proposalId, null, null);
    }

    private static Proposal proposal(long id, ProposalState state, Instant decidedAt) {
        return new Proposal(id, "i", DecisionType.ADOPT_COMMON_AGENDA, "Adopt", null, null,
                VisionSchema.MODULE, "nested", "", "u", state, List.of(), T0, T0.plusSeconds(86400), decidedAt);
    }

    private static final Goal TRACKED = new Goal(1, "Ready", "65% ready", List.of(7L),
            List.of(new Strategy("Read from birth", null)));

    @Test
    public void theLatestApprovedVersionIsInForceAndEarlierOnesAreSuperseded() {
        List<Version> versions = AgendaReports.withStatus(List.of(stored(1, 10L, List.of(TRACKED)),
                stored(2, 11L, List.of(TRACKED)), stored(3, 12L, List.of(TRACKED)), stored(4, null, List.of(TRACKED)),
                stored(5, 13L, List.of(TRACKED))), Map.of(
                10L, proposal(10, ProposalState.APPROVED, T0.plusSeconds(10)),
                11L, proposal(11, ProposalState.APPROVED, T0.plusSeconds(20)),
                12L, proposal(12, ProposalState.OPEN, null),
                13L, proposal(13, ProposalState.REJECTED, T0.plusSeconds(30))));
        assertEquals(List.of(Status.SUPERSEDED, Status.ADOPTED, Status.PROPOSED, Status.DRAFT, Status.DRAFT),
                versions.stream().map(Version::status).toList());
        assertEquals(T0.plusSeconds(20), versions.get(1).adoptedAt());
        assertEquals(ProposalState.REJECTED, versions.get(4).proposalState());
    }

    @Test
    public void withoutAnAdoptedVersionTheOverviewSaysSo() {
        List<Version> versions = AgendaReports.withStatus(List.of(stored(1, 10L, List.of(TRACKED))),
                Map.of(10L, proposal(10, ProposalState.OPEN, null)));
        Overview o = AgendaReports.overview("i", versions, id -> true);
        assertNull(o.adoptedVersion());
        assertEquals(Integer.valueOf(1), o.proposedVersion());
        assertEquals(List.of("no common agenda adopted yet: version 1 awaits a decision"), o.needsAttention());
    }

    @Test
    public void goalsWithoutIndicatorsOrStrategiesAndBrokenLinksNeedAttention() {
        Goal bare = new Goal(2, "Read all year", "double library use", List.of(), List.of());
        Goal broken = new Goal(3, "Attend", "attendance up", List.of(99L), List.of(new Strategy("Buses", null)));
        List<Version> versions = AgendaReports.withStatus(List.of(stored(1, 10L, List.of(TRACKED, bare, broken))),
                Map.of(10L, proposal(10, ProposalState.APPROVED, T0)));
        Overview checked = AgendaReports.overview("i", versions, id -> id == 7L);
        assertEquals(Integer.valueOf(1), checked.adoptedVersion());
        assertEquals(3, checked.goals());
        assertEquals(2, checked.strategies());
        assertEquals(List.of("goal 2 'Read all year' has no indicator tracking it", "goal 2 'Read all year' has no strategy",
                "goal 3 links indicator 99, which no longer exists"), checked.needsAttention());

        Overview unchecked = AgendaReports.overview("i", versions, null);
        assertTrue(unchecked.indicatorLinks().startsWith("not checked"));
        assertEquals(2, unchecked.needsAttention().size());
    }
}
