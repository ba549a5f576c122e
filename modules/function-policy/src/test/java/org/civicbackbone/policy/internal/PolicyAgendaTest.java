package org.civicbackbone.policy.internal;

import static org.junit.Assert.assertEquals;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.civicbackbone.api.decision.ProposalState;
import org.civicbackbone.policy.internal.PolicyAgenda.Item;
import org.civicbackbone.policy.internal.PolicyAgenda.Outcome;
import org.civicbackbone.policy.internal.PolicyAgenda.Overview;
import org.civicbackbone.policy.internal.PolicyAgenda.Stage;
import org.civicbackbone.policy.internal.PolicyAgenda.Stance;
import org.civicbackbone.policy.internal.PolicyAgenda.StanceKind;
import org.civicbackbone.policy.internal.PolicyAgenda.Statement;
import org.civicbackbone.policy.internal.PolicyAgenda.Status;
import org.civicbackbone.policy.internal.PolicyAgenda.TargetKind;
import org.junit.Test;

public class PolicyAgendaTest {

    private static Stance stance(long id, String org, StanceKind kind, boolean named) {
        return new Stance(id, 1, org, kind, named, null, "u", Instant.EPOCH, null);
    }

    private static Item item(Status status, ProposalState decision, long endorse, long neutral, long dissent) {
        return new Item(1, "i", "Weekend hours", "p", "Open on Sundays", TargetKind.BUDGET, "County budget", status, 5L,
                decision, null, null, Map.of(StanceKind.ENDORSE, endorse, StanceKind.NEUTRAL, neutral,
                StanceKind.DISSENT, dissent), "u", Instant.EPOCH, 0);
    }

    @Test
    public void aPositionIsHeldOnlyOnceApprovedAndAnOutcomeClosesTheItem() {
        assertEquals(Status.IDEA, PolicyReports.status(Stage.IDEA, null, null));
        assertEquals(Status.RESEARCHING, PolicyReports.status(Stage.RESEARCHING, ProposalState.REJECTED, null));
        assertEquals(Status.POSITION_PROPOSED, PolicyReports.status(Stage.RESEARCHING, ProposalState.OPEN, null));
        assertEquals(Status.POSITION_ADOPTED, PolicyReports.status(Stage.RESEARCHING, ProposalState.APPROVED, null));
        assertEquals(Status.CLOSED, PolicyReports.status(Stage.RESEARCHING, ProposalState.APPROVED, Outcome.ENACTED));
    }

    @Test
    public void theLatestStanceCountsAndPartnersWhoAskedAreNotNamed() {
        List<Stance> current = PolicyReports.current(List.of(stance(1, "Library", StanceKind.DISSENT, true),
                stance(2, "School district", StanceKind.DISSENT, false), stance(3, "library", StanceKind.ENDORSE, true),
                stance(4, "Parents network", StanceKind.NEUTRAL, true)));
        assertEquals(3, current.size());
        Statement s = PolicyReports.statement(item(Status.POSITION_ADOPTED, ProposalState.APPROVED, 1, 1, 1), current);
        assertEquals(List.of("library"), s.endorsedBy());
        assertEquals(List.of("Parents network"), s.neutral());
        assertEquals(List.of(), s.dissenting());
        assertEquals(1, s.notNamed());
    }

    @Test
    public void theOverviewNamesMissingStancesDissentAndPositionsNotAdopted() {
        Overview o = PolicyReports.overview("i", List.of(item(Status.POSITION_PROPOSED, ProposalState.OPEN, 1, 0, 1),
                item(Status.RESEARCHING, ProposalState.REJECTED, 0, 0, 0)), 4);
        assertEquals(List.of("'Weekend hours': position being decided; 2 of 4 partners have not stated a stance",
                "'Weekend hours': 1 partner dissents", "'Weekend hours': the position was not adopted (rejected)"),
                o.needsAttention());
        assertEquals(Long.valueOf(1), o.byStatus().get(Status.POSITION_PROPOSED));
    }
}
