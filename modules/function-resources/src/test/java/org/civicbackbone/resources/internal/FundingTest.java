package org.civicbackbone.resources.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.civicbackbone.api.decision.ProposalState;
import org.civicbackbone.resources.internal.Funding.Allocation;
import org.civicbackbone.resources.internal.Funding.Budget;
import org.civicbackbone.resources.internal.Funding.Deadline;
import org.civicbackbone.resources.internal.Funding.Grant;
import org.civicbackbone.resources.internal.Funding.GrantStatus;
import org.civicbackbone.resources.internal.Funding.Overview;
import org.civicbackbone.resources.internal.Funding.RecipientKind;
import org.civicbackbone.resources.internal.Funding.Stage;
import org.civicbackbone.resources.internal.Funding.Totals;
import org.junit.Test;

public class FundingTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 22);

    private static Grant grant(long id, GrantStatus status, String awarded, String received) {
        return new Grant(id, "i", 1, "Foundation", "g" + id, status, new BigDecimal("100"),
                awarded == null ? null : new BigDecimal(awarded), null, null, new BigDecimal(received), null, null, "u",
                Instant.EPOCH);
    }

    private static Allocation allocation(String amount, ProposalState state) {
        return new Allocation(1, "i", null, RecipientKind.PARTNER, "Library", "Library", new BigDecimal(amount), "books",
                1, state, "u", Instant.EPOCH);
    }

    @Test
    public void anAwardCountsOnlyOnceItsAcceptanceIsApproved() {
        assertEquals(GrantStatus.AWARDED, FundingReports.status(Stage.AWARDED, null));
        assertEquals(GrantStatus.ACCEPTING, FundingReports.status(Stage.AWARDED, ProposalState.OPEN));
        assertEquals(GrantStatus.ACTIVE, FundingReports.status(Stage.AWARDED, ProposalState.APPROVED));
        assertEquals(GrantStatus.NOT_ACCEPTED, FundingReports.status(Stage.AWARDED, ProposalState.REJECTED));
        assertEquals(GrantStatus.NOT_ACCEPTED, FundingReports.status(Stage.AWARDED, ProposalState.EXPIRED));
        assertEquals(GrantStatus.SUBMITTED, FundingReports.status(Stage.SUBMITTED, null));
    }

    @Test
    public void deadlinesAreOverdueDueSoonUpcomingOrSubmitted() {
        assertEquals("OVERDUE", FundingReports.deadlineState(TODAY.minusDays(1), null, TODAY));
        assertEquals("DUE_SOON", FundingReports.deadlineState(TODAY, null, TODAY));
        assertEquals("DUE_SOON", FundingReports.deadlineState(TODAY.plusDays(30), null, TODAY));
        assertEquals("UPCOMING", FundingReports.deadlineState(TODAY.plusDays(31), null, TODAY));
        assertEquals("SUBMITTED", FundingReports.deadlineState(TODAY.minusDays(5), TODAY.minusDays(6), TODAY));
    }

    @Test
    public void onlyApprovedAllocationsAreAllocatedAndPendingOnesAreHeldBack() {
        Totals t = FundingReports.totals(List.of(grant(1, GrantStatus.ACTIVE, "500", "300"),
                        grant(2, GrantStatus.ACCEPTING, "900", "0")),
                List.of(allocation("100", ProposalState.APPROVED), allocation("50", ProposalState.OPEN),
                        allocation("70", ProposalState.REJECTED)));
        assertEquals(new BigDecimal("500"), t.awarded());
        assertEquals(new BigDecimal("300"), t.received());
        assertEquals(new BigDecimal("100"), t.allocated());
        assertEquals(new BigDecimal("50"), t.pending());
        assertEquals(new BigDecimal("150"), t.available());
    }

    @Test
    public void theOverviewNamesOverdueReportsAwardsToAcceptAndAnUnfundedBudget() {
        Deadline overdue = new Deadline(1, 1, "g1", "Foundation", TODAY.minusDays(3), "Final report", null, "OVERDUE");
        Deadline soon = new Deadline(2, 1, "g1", "Foundation", TODAY.plusDays(3), "Interim report", null, "DUE_SOON");
        Overview o = FundingReports.overview("i", 1, List.of(grant(1, GrantStatus.AWARDED, "500", "0")),
                List.of(allocation("10", ProposalState.OPEN)), List.of(overdue, soon),
                new Budget("i", 2026, List.of(), new BigDecimal("1800.50")));
        assertEquals(List.of(overdue), o.overdueDeadlines());
        assertEquals(List.of(soon), o.upcomingDeadlines());
        assertEquals(5, o.needsAttention().size());
        assertTrue(o.needsAttention().get(0).startsWith("report overdue since"));
        assertTrue(o.needsAttention().get(2).contains("awaits a decision to accept it"));
        assertEquals("1 allocation awaiting approval", o.needsAttention().get(3));
        assertEquals("the 2026 budget (1,800.50) is more than the grants accepted (0)", o.needsAttention().get(4));
    }
}
