package org.civicbackbone.resources.internal;

import static org.junit.Assert.assertEquals;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.civicbackbone.api.audit.AuditEntry;
import org.civicbackbone.api.audit.AuditQuery;
import org.civicbackbone.api.initiative.Sector;
import org.civicbackbone.resources.internal.Funding.BudgetLine;
import org.civicbackbone.resources.internal.Funding.BudgetSpec;
import org.civicbackbone.resources.internal.Funding.Deadline;
import org.civicbackbone.resources.internal.Funding.DeadlineSpec;
import org.civicbackbone.resources.internal.Funding.Funder;
import org.civicbackbone.resources.internal.Funding.FunderSpec;
import org.civicbackbone.resources.internal.Funding.Grant;
import org.civicbackbone.resources.internal.Funding.GrantSpec;
import org.civicbackbone.testkit.SameMoment;
import org.junit.Test;

/**
 * One write of the resources function sent eight times at one moment (a double click, a client's retry, two
 * colleagues): it is done once, the others are served the same result or refused, and the audit log tells it once.
 * Found by sixteen such requests over HTTP on PostgreSQL: a budget answered 500 on its lines' key, a report was marked
 * submitted three times.
 */
public class ResourcesAtOneMomentTest {

    // JUnit makes the test anew for each method: a fresh database each time
    private final TownFunding town = TownFunding.fresh();
    private final Resources resources = town.resources();

    @Test
    public void aBudgetSetEightTimesAtOnceHasItsLinesOnce() {
        BudgetSpec budget = new BudgetSpec(List.of(new BudgetLine("Staff", new BigDecimal("38000")),
                new BudgetLine("Books", new BigDecimal("9000"))));
        SameMoment.Outcome outcome = SameMoment.run(8, i -> resources.setBudget("town", 2031, budget, "ann"));
        assertEquals(8, outcome.served());
        assertEquals(2, resources.budget("town", 2031).lines().size());
        assertEquals(0, new BigDecimal("47000").compareTo(resources.budget("town", 2031).total()));
        assertEquals("set as it is, the others write nothing", 1, entries("budget.set").size());
    }

    @Test
    public void aReportMarkedSubmittedEightTimesAtOnceIsSubmittedOnce() {
        Grant grant = summerReading();
        Deadline report = resources.addDeadline("town", grant.id(), new DeadlineSpec(LocalDate.of(2026, 6, 30),
                "Interim report"), "ann");
        SameMoment.Outcome outcome = SameMoment.run(8, i -> resources.markSubmitted("town", grant.id(), report.id(),
                "ann"));
        assertEquals(1, outcome.served());
        outcome.refused().forEach(refused -> assertEquals(409, refused.problem().status()));
        assertEquals(1, entries("deadline.submitted").size());
    }

    /** Each edit is compared with the funder as the one before it left it, so the log says "none to ..." once. */
    @Test
    public void aFunderEditedEightTimesAtOnceIsLoggedAsChangedOnce() {
        Funder funder = resources.addFunder("town", new FunderSpec("Community Foundation", Sector.PHILANTHROPY, null),
                "ann");
        FunderSpec contact = new FunderSpec("Community Foundation", Sector.PHILANTHROPY, "grants@cf.example");
        SameMoment.Outcome outcome = SameMoment.run(8, i -> resources.changeFunder("town", funder.id(), contact,
                "ann"));
        assertEquals(8, outcome.served());
        List<AuditEntry> changes = entries("funder.change");
        assertEquals(1, changes.size());
        assertEquals("Community Foundation: contact none to 'grants@cf.example'", changes.get(0).detail());
    }

    @Test
    public void aGrantCorrectedEightTimesAtOnceIsLoggedOnce() {
        Grant grant = summerReading();
        GrantSpec more = new GrantSpec(grant.funderId(), "Summer reading", new BigDecimal("1750"), null, null);
        assertEquals(8, SameMoment.run(8, i -> resources.correctGrant("town", grant.id(), more, "ann")).served());
        List<AuditEntry> corrections = entries("grant.correct");
        assertEquals(1, corrections.size());
        assertEquals("grant " + grant.id() + ": requested 1500.00 to 1750", corrections.get(0).detail());
    }

    /** 1500 asked of the community foundation, a funder added for it. */
    private Grant summerReading() {
        Funder funder = resources.addFunder("town", new FunderSpec("Community Foundation", Sector.PHILANTHROPY, null),
                "ann");
        return resources.addGrant("town", new GrantSpec(funder.id(), "Summer reading", new BigDecimal("1500"), null,
                null), "ann");
    }

    private List<AuditEntry> entries(String action) {
        return town.audit().find(new AuditQuery(null, null, null, null, null, null, null, Integer.MAX_VALUE)).stream()
                .filter(e -> e.action().equals(action)).toList();
    }
}
