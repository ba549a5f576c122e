package org.civicbackbone.resources.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.civicbackbone.api.decision.Proposal;
import org.civicbackbone.api.decision.ProposalState;
import org.civicbackbone.api.initiative.Sector;
import org.civicbackbone.api.module.DecisionType;
import org.civicbackbone.api.store.BackboneStore;
import org.civicbackbone.api.store.GeneratedKey;
import org.civicbackbone.resources.internal.Funding.Allocation;
import org.civicbackbone.resources.internal.Funding.Grant;
import org.civicbackbone.resources.internal.Funding.GrantStatus;
import org.civicbackbone.resources.internal.Funding.RecipientKind;
import org.civicbackbone.resources.internal.Funding.Stage;
import org.civicbackbone.testkit.TestStore;
import org.junit.Before;
import org.junit.Test;

/** The resources tables through their mapper, on a real database: money, dates, locks and states from proposals. */
public class FundingRecordsTest {

    private static final Instant AT = Instant.parse("2026-05-01T12:00:00Z");

    private BackboneStore store;

    @Before
    public void setUp() {
        store = TestStore.inMemory();
        store.migrate(ResourcesSchema.MODULE, ResourcesSchema.MIGRATIONS);
    }

    private static Proposal decided(long id, ProposalState state) {
        return new Proposal(id, "town", DecisionType.ACCEPT_GRANT, "t", null, null, "function-resources", "nested",
                "r", "ann", state, List.of(), AT, AT, AT);
    }

    @Test
    public void grantsCarryTheirFunderTheMoneyReceivedAndTheirProposalsState() {
        GeneratedKey funder = new GeneratedKey();
        GeneratedKey grant = new GeneratedKey();
        GeneratedKey receipt = new GeneratedKey();
        store.inTransaction(c -> {
            FundingRecords r = store.mapper(c, FundingRecords.class);
            r.insertFunder(funder, "town", "Foundation", Sector.PHILANTHROPY, null, 7);
            r.insertGrant(grant, "town", funder.id(), "Reading", Stage.OPPORTUNITY, new BigDecimal("1000.00"),
                    LocalDate.of(2026, 1, 1), null, "ann", AT);
            assertEquals(1, r.setStage(grant.id(), Stage.AWARDED, new BigDecimal("900.00"), LocalDate.of(2026, 1, 1),
                    LocalDate.of(2026, 12, 31), Stage.OPPORTUNITY, null));
            assertEquals("a second answer, sent as the first came in", 0, r.setStage(grant.id(), Stage.AWARDED,
                    new BigDecimal("5000.00"), null, null, Stage.OPPORTUNITY, null));
            r.setAcceptanceProposal(grant.id(), 41, null);
            assertEquals("put to acceptance since it was read", 0, r.setStage(grant.id(), Stage.DECLINED, null,
                    null, null, Stage.AWARDED, null));
            r.insertReceipt(receipt, grant.id(), new BigDecimal("250.50"), LocalDate.of(2026, 2, 1), "ann", AT);
            r.insertReceipt(new GeneratedKey(), grant.id(), new BigDecimal("100"), LocalDate.of(2026, 3, 1), "ann", AT);
            return null;
        });
        List<Grant> grants = store.read(c -> store.mapper(c, FundingRecords.class)
                .grants("town", Map.of(41L, decided(41, ProposalState.APPROVED))));
        Grant g = grants.get(0);
        assertEquals("Foundation", g.funder());
        assertEquals(GrantStatus.ACTIVE, g.status());
        assertEquals(0, new BigDecimal("350.50").compareTo(g.received()));
        assertEquals(LocalDate.of(2026, 12, 31), g.periodEnd());
        assertEquals(Long.valueOf(7), store.read(c -> store.mapper(c, FundingRecords.class).funders("town")).get(0)
                .organisationId());
        assertEquals(0, new BigDecimal("900").compareTo(store.inTransaction(c -> store.mapper(c, FundingRecords.class)
                .lockOne("town", grant.id()).amountAwarded())));
        assertNull(store.inTransaction(c -> store.mapper(c, FundingRecords.class).lockOne("elsewhere", grant.id())));
        assertEquals(GrantStatus.ACCEPTING, store.read(c -> store.mapper(c, FundingRecords.class)
                .grants("town", Map.of(41L, decided(41, ProposalState.OPEN)))).get(0).status());
    }

    @Test
    public void allocationsAreOpenUntilTheirProposalIsDecidedAndBudgetsAreReplacedWhole() {
        store.inTransaction(c -> {
            FundingRecords r = store.mapper(c, FundingRecords.class);
            r.insertAllocation("town", null, RecipientKind.PARTNER, "Library", "Library", 3L, new BigDecimal("50"),
                    "books", 9, "ann", AT);
            r.insertBudgetLine("town", 2026, "Staff", new BigDecimal("10"));
            r.clearBudget("town", 2026);
            r.insertBudgetLine("town", 2026, "Books", new BigDecimal("20"));
            return null;
        });
        List<Allocation> pending = store.read(c -> store.mapper(c, FundingRecords.class).allocations("town", Map.of()));
        assertEquals(ProposalState.OPEN, pending.get(0).state());
        assertNull(pending.get(0).grantId());
        assertEquals(ProposalState.REJECTED, store.read(c -> store.mapper(c, FundingRecords.class)
                .allocations("town", Map.of(9L, decided(9, ProposalState.REJECTED)))).get(0).state());
        assertEquals(List.of("Books"), store.read(c -> store.mapper(c, FundingRecords.class).budget("town", 2026))
                .stream().map(Funding.BudgetLine::category).toList());
    }
}
