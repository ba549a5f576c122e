package org.civicbackbone.resources.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.civicbackbone.api.audit.RecordEdits;
import org.civicbackbone.api.decision.ProposalState;
import org.civicbackbone.api.initiative.Organisation;
import org.civicbackbone.api.initiative.OrganisationSpec;
import org.civicbackbone.api.initiative.Sector;
import org.civicbackbone.api.problem.ProblemException;
import org.civicbackbone.api.problem.Violation;
import org.civicbackbone.resources.internal.Funding.AcceptanceSpec;
import org.civicbackbone.resources.internal.Funding.Allocation;
import org.civicbackbone.resources.internal.Funding.AllocationSpec;
import org.civicbackbone.resources.internal.Funding.Funder;
import org.civicbackbone.resources.internal.Funding.FunderSpec;
import org.civicbackbone.resources.internal.Funding.Grant;
import org.civicbackbone.resources.internal.Funding.GrantSpec;
import org.civicbackbone.resources.internal.Funding.GrantStatus;
import org.civicbackbone.resources.internal.Funding.ReceiptSpec;
import org.civicbackbone.resources.internal.Funding.RecipientKind;
import org.civicbackbone.resources.internal.Funding.Stage;
import org.civicbackbone.resources.internal.Funding.StageSpec;
import org.civicbackbone.testkit.InMemoryOrganisations;
import org.civicbackbone.testkit.RecordingAuditLog;
import org.civicbackbone.testkit.ScriptedDecisions;
import org.junit.Before;
import org.junit.Test;

/** The resources function's rules on a real (in-memory) database, with the test kit's fakes around it. */
public class ResourcesTest {

    private Resources resources;
    private ScriptedDecisions decisions;
    private RecordingAuditLog audit;
    private InMemoryOrganisations organisations;

    @Before
    public void setUp() {
        TownFunding town = TownFunding.fresh();
        resources = town.resources();
        decisions = town.decisions();
        audit = town.audit();
        organisations = town.organisations();
    }

    /** An opportunity: 1500 asked of the community foundation for 2026. */
    private Grant summerReading() {
        Funder funder = resources.addFunder("town", new FunderSpec("Community Foundation", Sector.PHILANTHROPY, null),
                "ann");
        return resources.addGrant("town", new GrantSpec(funder.id(), "Summer reading", new BigDecimal("1500"),
                LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31)), "ann");
    }

    /** A grant of 1000 awarded and accepted by decision, 600 of it received. */
    private Grant activeGrant() {
        Grant grant = summerReading();
        resources.changeStage("town", grant.id(), new StageSpec(Stage.AWARDED, new BigDecimal("1000"), null, null), "ann");
        Grant accepting = resources.proposeAcceptance("town", grant.id(), new AcceptanceSpec("fits goal 2", 7), "ann");
        assertEquals(GrantStatus.ACCEPTING, accepting.status());
        decisions.decide(accepting.acceptanceProposalId(), ProposalState.APPROVED);
        resources.recordReceipt("town", grant.id(), new ReceiptSpec(new BigDecimal("600"), LocalDate.of(2026, 2, 1)),
                "ann");
        return resources.grant("town", grant.id());
    }

    @Test
    public void aFunderIsAnOrganisationOfTheRegistryAndIsAddedOnce() {
        Funder funder = resources.addFunder("town", new FunderSpec("Community Foundation Inc.", Sector.FUNDER, null),
                "ann");
        assertEquals(Long.valueOf(organisations.resolve("town", "Community Foundation").orElseThrow().id()),
                funder.organisationId());
        ProblemException again = assertThrows(ProblemException.class, () -> resources.addFunder("town",
                new FunderSpec("the community foundation", Sector.FUNDER, null), "ann"));
        assertEquals(409, again.problem().status());
        assertEquals("named beside the console's input", "name", again.problem().violations().get(0).field());
        assertEquals(List.of("ann funder.add"), audit.actions());
    }

    /**
     * A funder is corrected with the fields it was recorded with: its sector and contact change, its name may be
     * respelt as its organisation is known (an alias, the registry's new name) but never become another organisation.
     */
    @Test
    public void aFunderIsCorrectedButStaysItsOrganisation() {
        Grant grant = summerReading();
        Funder funder = resources.funders("town").get(0);
        Organisation foundation = organisations.organisation("town", funder.organisationId());
        organisations.update("town", foundation.id(), new OrganisationSpec("Riverbend Community Foundation",
                List.of("Community Foundation", "RCF"), List.of(Sector.PHILANTHROPY)), "ann");

        Funder changed = resources.changeFunder("town", funder.id(), new FunderSpec("RCF", Sector.FUNDER,
                " Dana Lee, programme officer "), "ann");
        assertEquals(new Funder(funder.id(), "town", "Riverbend Community Foundation", Sector.FUNDER,
                "Dana Lee, programme officer", foundation.id()), changed);
        assertEquals(List.of(changed), resources.funders("town"));
        assertEquals("its grants name it as it now is", "Riverbend Community Foundation",
                resources.grant("town", grant.id()).funder());
        assertEquals("Community Foundation: name 'Community Foundation' to 'Riverbend Community Foundation'; sector "
                + "PHILANTHROPY to FUNDER; contact none to 'Dana Lee, programme officer'",
                audit.recent("town", 1).get(0).detail());

        int recorded = audit.actions().size();
        resources.changeFunder("town", funder.id(), new FunderSpec("Riverbend Community Foundation", Sector.FUNDER,
                "Dana Lee, programme officer"), "ann");
        assertEquals("as it is already: nothing recorded", recorded, audit.actions().size());
        for (String other : List.of("Riverbend Library", "Eastside Trust")) {
            ProblemException refused = assertThrows(ProblemException.class, () -> resources.changeFunder("town",
                    funder.id(), new FunderSpec(other, Sector.FUNDER, null), "ann"));
            assertEquals(400, refused.problem().status());
            assertEquals("name", refused.problem().violations().get(0).field());
        }
        assertEquals("a refused edit changes nothing", List.of(changed), resources.funders("town"));
        assertEquals(404, assertThrows(ProblemException.class, () -> resources.changeFunder("town", funder.id() + 1,
                new FunderSpec("RCF", Sector.FUNDER, null), "ann")).problem().status());
        assertEquals(recorded, audit.actions().size());
    }

    @Test
    public void aBudgetYearOutOfRangeIsRefusedReadOrWritten() {
        for (int year : new int[] {1999, 2101}) {
            ProblemException read = assertThrows(ProblemException.class, () -> resources.budget("town", year));
            assertEquals(List.of(new Violation("year", "must be between 2000 and 2100")), read.problem().violations());
            ProblemException written = assertThrows(ProblemException.class,
                    () -> resources.setBudget("town", year, new Funding.BudgetSpec(List.of()), "ann"));
            assertEquals(read.problem().violations(), written.problem().violations());
        }
        assertEquals(0, resources.budget("town", 2100).lines().size());
        assertEquals(List.of(), audit.actions());
    }

    @Test
    public void moneyCountsOnlyOnceAcceptedAndNeverPastWhatWasReceived() {
        Grant grant = activeGrant();
        assertEquals(GrantStatus.ACTIVE, grant.status());
        ProblemException tooMuch = assertThrows(ProblemException.class, () -> resources.recordReceipt("town",
                grant.id(), new ReceiptSpec(new BigDecimal("400.01"), LocalDate.of(2026, 3, 1)), "ann"));
        assertTrue(tooMuch.problem().violations().get(0).message(), tooMuch.problem().violations().get(0).message()
                .contains("at most 400.00 more"));
        ProblemException expected = assertThrows(ProblemException.class, () -> resources.recordReceipt("town",
                grant.id(), new ReceiptSpec(new BigDecimal("100"), LocalDate.now().plusMonths(1)), "ann"));
        assertEquals("money expected is not money received", "receivedOn",
                expected.problem().violations().get(0).field());
        ProblemException typed = assertThrows(ProblemException.class, () -> resources.recordReceipt("town",
                grant.id(), new ReceiptSpec(new BigDecimal("100"), LocalDate.of(1026, 2, 1)), "ann"));
        assertEquals(List.of(new Violation("receivedOn", "must be in a year between 2000 and 2100")),
                typed.problem().violations());
        Allocation pending = resources.proposeAllocation("town", new AllocationSpec(grant.id(), RecipientKind.PARTNER,
                "riverbend library", null, new BigDecimal("500"), "books", null), "ann");
        assertEquals("Riverbend Library", pending.recipient());
        assertEquals(ProposalState.OPEN, pending.state());
        ProblemException beyond = assertThrows(ProblemException.class, () -> resources.proposeAllocation("town",
                new AllocationSpec(null, RecipientKind.PARTNER, "Riverbend Library", null, new BigDecimal("100.01"),
                        "more books", null), "ann"));
        assertEquals("amount", beyond.problem().violations().get(0).field());
        assertEquals("more than the money received allows: received 600.00, allocated 0, pending 500.00; at most 100.00 "
                + "is available", beyond.problem().violations().get(0).message());
        decisions.decide(pending.proposalId(), ProposalState.REJECTED);
        assertEquals("a rejected allocation frees the money", ProposalState.OPEN, resources.proposeAllocation("town",
                new AllocationSpec(null, RecipientKind.PARTNER, "Riverbend Library", null, new BigDecimal("600"),
                        "all of it", null), "ann").state());
    }

    @Test
    public void theMembersVoteOnAmountsWrittenAsPeopleWriteThem() {
        Grant grant = activeGrant();
        resources.proposeAllocation("town", new AllocationSpec(grant.id(), RecipientKind.PARTNER, "Riverbend Library",
                null, new BigDecimal("250.5"), "books", null), "ann");
        assertEquals("newest first", List.of("Allocate 250.50 to Riverbend Library",
                "Accept 1,000 from Community Foundation for 'Summer reading'"),
                decisions.proposals("town").stream().map(p -> p.title()).toList());
        assertEquals("1,234,567.89", Amounts.written(new BigDecimal("1234567.89")));
        assertEquals("0", Amounts.written(BigDecimal.ZERO.setScale(2)));
    }

    @Test
    public void aPartnerTheRegistryDoesNotKnowGetsNothingAndNoProposalIsOpened() {
        Grant grant = activeGrant();
        ProblemException unknown = assertThrows(ProblemException.class, () -> resources.proposeAllocation("town",
                new AllocationSpec(grant.id(), RecipientKind.PARTNER, "Westside Trust", null, BigDecimal.TEN, "x", null),
                "ann"));
        assertEquals("recipient", unknown.problem().violations().get(0).field());
        assertEquals("only the acceptance was proposed", 1, decisions.proposals("town").size());
        assertEquals(List.of(), resources.allocations("town"));
    }

    @Test
    public void aGrantIsPutToOneAcceptanceProposalAtATimeEvenByRequestsThatReadItAtOnce() {
        Grant grant = summerReading();
        ProblemException notAnAward = assertThrows(ProblemException.class, () -> resources.changeStage("town",
                grant.id(), new StageSpec(Stage.SUBMITTED, new BigDecimal("1000"), null, null), "ann"));
        assertEquals("only an award has an amount awarded, not a move to SUBMITTED",
                notAnAward.problem().violations().get(0).message());
        assertEquals(GrantStatus.OPPORTUNITY, resources.grant("town", grant.id()).status());
        Grant awarded = resources.changeStage("town", grant.id(), new StageSpec(Stage.AWARDED, new BigDecimal("1000"),
                null, null), "ann");
        Grant accepting = resources.proposeAcceptance("town", grant.id(), new AcceptanceSpec("fits goal 2", 7), "ann");

        // a second request that read the grant before the first proposal was linked to it
        Grants racing = new Grants(resources.store(), audit, new RecordEdits<>(resources.store(), audit,
                ResourcesSchema.MODULE, FundingRecords.class), decisions);
        assertThrows(ProblemException.class, () -> racing.proposeAcceptance(awarded, new AcceptanceSpec("me too", 7),
                "bob"));
        assertEquals(1, decisions.proposals("town").size());
        assertEquals(accepting.acceptanceProposalId(), resources.grant("town", grant.id()).acceptanceProposalId());

        decisions.decide(accepting.acceptanceProposalId(), ProposalState.REJECTED);
        assertEquals(GrantStatus.NOT_ACCEPTED, resources.grant("town", grant.id()).status());
        assertEquals(GrantStatus.ACCEPTING, resources.proposeAcceptance("town", grant.id(),
                new AcceptanceSpec("asked again", 7), "ann").status());
    }

    /** The funder withdrew the award while its acceptance was being proposed: nothing is put to the bodies. */
    @Test
    public void anAwardDeclinedWhileItsAcceptanceIsProposedOpensNoProposal() {
        Grant awarded = resources.changeStage("town", summerReading().id(), new StageSpec(Stage.AWARDED,
                new BigDecimal("1000"), null, null), "ann");
        resources.changeStage("town", awarded.id(), new StageSpec(Stage.DECLINED, null, null, null), "bob");
        Grants late = new Grants(resources.store(), audit, new RecordEdits<>(resources.store(), audit,
                ResourcesSchema.MODULE, FundingRecords.class), decisions);
        ProblemException refused = assertThrows(ProblemException.class, () -> late.proposeAcceptance(awarded,
                new AcceptanceSpec("read as an award", 7), "ann"));
        assertEquals(409, refused.problem().status());
        assertEquals(0, decisions.proposals("town").size());
        assertEquals(GrantStatus.DECLINED, resources.grant("town", awarded.id()).status());
    }

    @Test
    public void myWorkListsReportsOverdueAndDueSoonButNotThoseSubmittedOrFarOff() {
        Grant grant = activeGrant();
        LocalDate today = LocalDate.now();
        resources.addDeadline("town", grant.id(), new Funding.DeadlineSpec(today.minusDays(3), "Q3 narrative"), "ann");
        resources.addDeadline("town", grant.id(), new Funding.DeadlineSpec(today.plusDays(10), "Budget report"), "ann");
        resources.addDeadline("town", grant.id(), new Funding.DeadlineSpec(today.plusDays(200), "Final report"), "ann");
        Funding.Deadline done = resources.addDeadline("town", grant.id(), new Funding.DeadlineSpec(today.minusDays(9),
                "Q2 narrative"), "ann");
        resources.markSubmitted("town", grant.id(), done.id(), "ann");

        List<org.civicbackbone.api.console.WorkItem> items = new ResourcesFunction(resources).of("town");
        assertEquals(List.of(
                new org.civicbackbone.api.console.WorkItem(org.civicbackbone.api.console.WorkItem.Kind.COMING_UP,
                        today.minusDays(3), "Report due: Q3 narrative (Community Foundation)", true, "funding"),
                new org.civicbackbone.api.console.WorkItem(org.civicbackbone.api.console.WorkItem.Kind.COMING_UP,
                        today.plusDays(10), "Report due: Budget report (Community Foundation)", false, "funding")),
                items);
        // asked for several initiatives at once (one query): by initiative, one with nothing owed left out, an id
        // asked twice read once
        assertEquals(java.util.Map.of("town", items), new ResourcesFunction(resources).ofEach(List.of("town", "village",
                "town")));
    }

    /**
     * A second click, or a colleague entering it too, would put one grant's money twice in the pipeline and one
     * report twice among those owed; a year typed as 1026 would stand as an agreement of a thousand years.
     */
    @Test
    public void aGrantAndAReportAreEnteredOnceAndInYearsAGrantMayRun() {
        Funder funder = resources.addFunder("town", new FunderSpec("Community Foundation", Sector.PHILANTHROPY, null),
                "ann");
        GrantSpec spec = new GrantSpec(funder.id(), "Summer reading", new BigDecimal("1500"), null, null);
        Grant grant = resources.addGrant("town", spec, "ann");
        ProblemException twice = assertThrows(ProblemException.class, () -> resources.addGrant("town",
                new GrantSpec(funder.id(), " summer  Reading", new BigDecimal("1200"), null, null), "bob"));
        assertEquals(409, twice.problem().status());
        assertEquals(List.of(new Violation("title", "is grant " + grant.id() + " already")),
                twice.problem().violations());
        assertEquals("another period is another grant", "Summer reading", resources.addGrant("town", new GrantSpec(
                funder.id(), "Summer reading", new BigDecimal("1500"), LocalDate.of(2027, 1, 1), null), "ann").title());
        resources.changeStage("town", grant.id(), new StageSpec(Stage.DECLINED, null, null, null), "ann");
        assertEquals("a declined one may be tried again", GrantStatus.OPPORTUNITY,
                resources.addGrant("town", spec, "ann").status());

        ProblemException typed = assertThrows(ProblemException.class, () -> resources.addGrant("town", new GrantSpec(
                funder.id(), "Coaching", new BigDecimal("10"), LocalDate.of(1026, 1, 1), LocalDate.of(3026, 1, 1)),
                "ann"));
        assertEquals(List.of(new Violation("periodStart", "must be in a year between 2000 and 2100"),
                new Violation("periodEnd", "must be in a year between 2000 and 2100")), typed.problem().violations());

        resources.addDeadline("town", grant.id(), new Funding.DeadlineSpec(LocalDate.of(2026, 6, 30), "Interim report"),
                "ann");
        ProblemException owedTwice = assertThrows(ProblemException.class, () -> resources.addDeadline("town",
                grant.id(), new Funding.DeadlineSpec(LocalDate.of(2026, 6, 30), "interim report "), "ann"));
        assertEquals(409, owedTwice.problem().status());
        assertEquals("description", owedTwice.problem().violations().get(0).field());
        resources.addDeadline("town", grant.id(), new Funding.DeadlineSpec(LocalDate.of(2026, 12, 31), "Interim report"),
                "ann");
        ProblemException longAgo = assertThrows(ProblemException.class, () -> resources.addDeadline("town", grant.id(),
                new Funding.DeadlineSpec(LocalDate.of(1999, 1, 1), "Final report"), "ann"));
        assertEquals(List.of(new Violation("dueOn", "must be in a year between 2000 and 2100")),
                longAgo.problem().violations());
        assertEquals(2, resources.deadlines("town").size());
    }

    /**
     * A grant is corrected until its funder answers (the amount requested, the period, the title), under the rule it
     * was added by; after that its figures are the funder's and the bodies decide on them.
     */
    @Test
    public void aGrantIsCorrectedUntilItsFunderAnswers() {
        Grant grant = summerReading();
        Grant other = resources.addGrant("town", new GrantSpec(grant.funderId(), "Book fair", new BigDecimal("500"),
                LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31)), "ann");
        Grant corrected = resources.correctGrant("town", grant.id(), new GrantSpec(grant.funderId(), " Summer reading ",
                new BigDecimal("1750.00"), LocalDate.of(2026, 3, 1), LocalDate.of(2027, 2, 28)), "ann");
        assertEquals(0, new BigDecimal("1750").compareTo(corrected.amountRequested()));
        assertEquals(LocalDate.of(2026, 3, 1), corrected.periodStart());
        assertEquals("grant " + grant.id() + ": requested 1500.00 to 1750.00; period 2026-01-01..2026-12-31 to "
                + "2026-03-01..2027-02-28", audit.recent("town", 1).get(0).detail());
        ProblemException twice = assertThrows(ProblemException.class, () -> resources.correctGrant("town", other.id(),
                new GrantSpec(grant.funderId(), "summer  reading", new BigDecimal("500"), LocalDate.of(2026, 3, 1),
                        LocalDate.of(2027, 2, 28)), "ann"));
        assertEquals(List.of(new Violation("title", "is grant " + grant.id() + " already")), twice.problem().violations());
        ProblemException wrong = assertThrows(ProblemException.class, () -> resources.correctGrant("town", grant.id(),
                new GrantSpec(999L, "Summer reading", new BigDecimal("1750"), LocalDate.of(2027, 3, 1),
                        LocalDate.of(2026, 2, 28)), "ann"));
        assertEquals(List.of("funderId", "periodEnd"), wrong.problem().violations().stream().map(Violation::field)
                .toList());
        resources.changeStage("town", grant.id(), new StageSpec(Stage.AWARDED, new BigDecimal("1000"), null, null), "ann");
        assertEquals("the funder answered", 409, assertThrows(ProblemException.class, () -> resources.correctGrant(
                "town", grant.id(), new GrantSpec(grant.funderId(), "Summer reading", new BigDecimal("9000"),
                        LocalDate.of(2026, 3, 1), LocalDate.of(2027, 2, 28)), "ann")).problem().status());
        assertEquals(0, new BigDecimal("1750").compareTo(resources.grant("town", grant.id()).amountRequested()));
    }
}
