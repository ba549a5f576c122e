package org.civicbackbone.rest.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.time.Instant;
import java.util.List;
import org.civicbackbone.api.decision.Proposal;
import org.civicbackbone.api.decision.ProposalState;
import org.civicbackbone.api.module.DecisionType;
import org.civicbackbone.api.problem.ProblemException;
import org.junit.Test;

/** The decision log's filters: what each lets through, and a clear 400 for a value of no kind. */
public class ProposalFilterTest {

    private static Proposal proposal(DecisionType type, ProposalState state, String madeAt) {
        return new Proposal(1, "i", type, "t", "d", null, "core", "nested", "r", "someone", state, List.of(),
                Instant.parse(madeAt), null, null);
    }

    @Test
    public void absentFiltersLetEverythingThrough() {
        ProposalFilter none = ProposalFilter.of(null, "", null, " ");
        assertTrue(none.test(proposal(DecisionType.HIRE_STAFF, ProposalState.OPEN, "2026-01-01T00:00:00Z")));
    }

    @Test
    public void stateTypeAndDaysFilterTogether() {
        ProposalFilter filter = ProposalFilter.of("approved", "ACCEPT_GRANT", "2026-03-01", "2026-03-31");
        assertTrue(filter.test(proposal(DecisionType.ACCEPT_GRANT, ProposalState.APPROVED, "2026-03-31T23:59:59Z")));
        assertTrue(filter.test(proposal(DecisionType.ACCEPT_GRANT, ProposalState.APPROVED, "2026-03-01T00:00:00Z")));
        assertFalse(filter.test(proposal(DecisionType.ACCEPT_GRANT, ProposalState.APPROVED, "2026-04-01T00:00:00Z")));
        assertFalse(filter.test(proposal(DecisionType.ACCEPT_GRANT, ProposalState.OPEN, "2026-03-10T00:00:00Z")));
        assertFalse(filter.test(proposal(DecisionType.HIRE_STAFF, ProposalState.APPROVED, "2026-03-10T00:00:00Z")));
    }

    @Test
    public void aValueOfNoKindIsRefusedNamingItsParameter() {
        refused("state", () -> ProposalFilter.of("opened", null, null, null));
        refused("type", () -> ProposalFilter.of(null, "hire", null, null));
        refused("from", () -> ProposalFilter.of(null, null, "March", null));
        refused("until", () -> ProposalFilter.of(null, null, "2026-03-02", "2026-03-01"));
    }

    private static void refused(String field, Runnable parse) {
        try {
            parse.run();
            fail(field + " accepted");
        } catch (ProblemException e) {
            assertEquals(400, e.problem().status());
            assertEquals(field, e.problem().violations().get(0).field());
        }
    }
}
