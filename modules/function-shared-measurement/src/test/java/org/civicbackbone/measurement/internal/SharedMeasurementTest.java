package org.civicbackbone.measurement.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.civicbackbone.api.initiative.AccessRole;
import org.civicbackbone.api.initiative.BodySpec;
import org.civicbackbone.api.initiative.InitiativeAccess;
import org.civicbackbone.api.initiative.Sector;
import org.civicbackbone.api.initiative.MembershipSpec;
import org.civicbackbone.api.problem.ProblemException;
import org.civicbackbone.api.problem.Violation;
import org.civicbackbone.api.store.BackboneStore;
import org.civicbackbone.testkit.InMemoryInitiatives;
import org.civicbackbone.testkit.InMemoryOrganisations;
import org.civicbackbone.testkit.RecordingAuditLog;
import org.civicbackbone.testkit.TestStore;
import org.junit.Before;
import org.junit.Test;

/** The function against a real (in-memory) H2 database; the platform services around it are minimal fakes. */
public class SharedMeasurementTest {

    private SharedMeasurement measurement;

    private RecordingAuditLog audit;

    private InMemoryOrganisations organisations;

    @Before
    public void setUp() {
        BackboneStore store = TestStore.inMemory();
        audit = new RecordingAuditLog(store);
        organisations = new InMemoryOrganisations()
                .with("riverbend", Sector.NONPROFIT, "Library", "School", "Eastside Trust");
        InMemoryInitiatives riverbend = InMemoryInitiatives.with("riverbend", "shared-measurement")
                .withOrganisations(organisations);
        long partners = riverbend.addBody("riverbend", new BodySpec("partners", "Partners"), "admin").id();
        riverbend.addMember("riverbend", partners, new MembershipSpec("Pia", "pia", "Riverbend Library Inc.", "partner",
                Sector.NONPROFIT), "admin");
        measurement = new SharedMeasurement(store, audit, riverbend, input -> { }, NO_ROLES, organisations,
                Clock.fixed(Instant.parse("2025-06-15T12:00:00Z"), ZoneOffset.UTC));
    }

    private Indicator cards() {
        return measurement.addIndicator("riverbend", new IndicatorSpec("Library cards", "cards issued", "cards",
                Direction.UP, Aggregation.SUM, PeriodType.MONTH, new BigDecimal("100"), LocalDate.of(2025, 1, 1),
                new BigDecimal("200"), LocalDate.of(2026, 1, 1)), "alice");
    }

    @Test
    public void reportsValuesAndComputesProgress() {
        Indicator cards = cards();
        measurement.report("riverbend", cards.id(), new ValueReport("2025-05", "Library", new BigDecimal("90"), null, null), "alice");
        measurement.report("riverbend", cards.id(), new ValueReport("2025-05", "School", new BigDecimal("40"), null, null), "bob");
        // a correction replaces the partner's value for the period
        measurement.report("riverbend", cards.id(), new ValueReport("2025-05", "School", new BigDecimal("50"), null, null), "bob");
        SharedMeasurement.Overview overview = measurement.overview("riverbend");
        assertEquals(1, overview.indicators());
        Progress p = overview.status().get(0).progress();
        assertEquals("2025-05", p.latestPeriod());
        assertEquals(0, new BigDecimal("140").compareTo(p.latestValue()));
        assertEquals(new BigDecimal("40.0"), p.percentOfTarget());
        assertEquals(List.of("alice indicator.create", "alice value.report", "bob value.report", "bob value.correct"), audit.actions());
        // the correction keeps the value as it was and as it became
        var corrections = measurement.corrections("riverbend", cards.id());
        assertEquals(1, corrections.size());
        assertEquals(0, new BigDecimal("40").compareTo(corrections.get(0).oldValue()));
        assertEquals(0, new BigDecimal("50").compareTo(corrections.get(0).newValue()));
        assertEquals("bob", corrections.get(0).correctedBy());
    }

    @Test
    public void aReportWithAnUnknownPartnerAndAWrongPeriodIsRefusedNamingBothAndStoresNothing() {
        Indicator cards = cards();
        ProblemException refused = assertThrows(ProblemException.class, () -> measurement.report("riverbend", cards.id(),
                new ValueReport("2025", "Nobody Known", BigDecimal.ONE, null, null), "alice"));
        assertEquals(400, refused.problem().status());
        assertEquals(List.of("partner", "period"), refused.problem().violations().stream().map(Violation::field).toList());
        assertEquals("'2025' is not a month (YYYY-MM, e.g. 2025-03)", refused.problem().violations().get(1).message());
        assertEquals(List.of(), measurement.values("riverbend", cards.id()));
        assertEquals(List.of("alice indicator.create"), audit.actions());
    }

    @Test
    public void theOverviewGivesEachIndicatorItsOwnProgressFromOneReadOfAllTotals() {
        Indicator cards = cards();
        Indicator visits = measurement.addIndicator("riverbend", new IndicatorSpec("Visits", "library visits", "visits",
                Direction.UP, Aggregation.SUM, PeriodType.MONTH, new BigDecimal("10"), LocalDate.of(2025, 1, 1),
                new BigDecimal("20"), LocalDate.of(2026, 1, 1)), "alice");
        Indicator empty = measurement.addIndicator("riverbend", new IndicatorSpec("Loans", "loans", "loans",
                Direction.UP, Aggregation.SUM, PeriodType.MONTH, new BigDecimal("1"), LocalDate.of(2025, 1, 1),
                new BigDecimal("2"), LocalDate.of(2026, 1, 1)), "alice");
        measurement.report("riverbend", cards.id(), new ValueReport("2025-04", "Library", new BigDecimal("150"), null, null), "alice");
        measurement.report("riverbend", visits.id(), new ValueReport("2025-05", "Library", new BigDecimal("12"), null, null), "alice");
        measurement.report("riverbend", visits.id(), new ValueReport("2025-05", "School", new BigDecimal("9"), null, null), "bob");
        measurement.report("riverbend", visits.id(), new ValueReport("2025-05", "School", new BigDecimal("4"), "age band", "0-4"), "bob");

        SharedMeasurement.Overview overview = measurement.overview("riverbend");
        assertEquals(3, overview.indicators());
        for (SharedMeasurement.IndicatorStatus status : overview.status()) {
            assertEquals(status.indicator().name(), measurement.progress(status.indicator()), status.progress());
        }
        Progress ofVisits = overview.status().stream().filter(s -> s.indicator().id() == visits.id()).findFirst()
                .orElseThrow().progress();
        assertEquals("the disaggregated value is not in the total", 0, new BigDecimal("21").compareTo(ofVisits.latestValue()));
        assertEquals("NO_DATA", overview.status().stream().filter(s -> s.indicator().id() == empty.id()).findFirst()
                .orElseThrow().progress().status());
        assertEquals(1, overview.targetMet());
        assertEquals(1, overview.noData());
    }

    @Test
    public void importIsAllOrNothingAndExportRoundTrips() {
        Indicator cards = cards();
        ProblemException refused = assertThrows(ProblemException.class, () -> measurement.importValues("riverbend",
                "indicator,period,partner,value\nLibrary cards,2025-01,Library,10\nLibrary cards,2025-02,Library,x\n", "alice", ReportingScope.ANY));
        assertEquals(400, refused.problem().status());
        assertEquals("row 3, column value", refused.problem().violations().get(0).field());
        assertTrue(measurement.values("riverbend", cards.id()).isEmpty());

        String csv = "indicator,period,partner,value,dimension,category\r\n"
                + "Library cards,2025-01,Library,10,,\r\n"
                + "Library cards,2025-01,Library,4,age band,0-4\r\n";
        assertEquals(2, measurement.importValues("riverbend", csv, "alice", ReportingScope.ANY));
        assertEquals(csv, measurement.exportValues("riverbend"));
        assertEquals(1, measurement.series("riverbend", cards.id(), "Age Band").size());
        ProblemException typo = assertThrows(ProblemException.class,
                () -> measurement.series("riverbend", cards.id(), "age bnd"));
        assertEquals("by", typo.problem().violations().get(0).field());
        assertEquals("no value of indicator " + cards.id() + " is broken down by 'age bnd' (its values are broken "
                + "down by: age band)", typo.problem().violations().get(0).message());
        assertTrue("a series in total is there", !measurement.series("riverbend", cards.id(), null).isEmpty());
    }

    @Test
    public void refusesDuplicateNamesAndWrongPeriods() {
        Indicator cards = cards();
        assertEquals("name", assertThrows(ProblemException.class, this::cards).problem().violations().get(0).field());
        ProblemException spelled = assertThrows(ProblemException.class, () -> measurement.addIndicator("riverbend",
                new IndicatorSpec(" library  CARDS", "cards", "cards", Direction.UP, Aggregation.SUM, PeriodType.MONTH,
                        BigDecimal.ONE, LocalDate.of(2025, 1, 1), BigDecimal.TEN, LocalDate.of(2026, 1, 1)), "alice"));
        assertEquals(409, spelled.problem().status());
        assertEquals(List.of(new Violation("name", "is the name of indicator " + cards.id())),
                spelled.problem().violations());
        assertEquals("a name that reads as another's id is a name", String.valueOf(cards.id()), measurement.addIndicator(
                "riverbend", new IndicatorSpec(String.valueOf(cards.id()), "d", "u", Direction.UP, Aggregation.SUM,
                        PeriodType.MONTH, BigDecimal.ONE, LocalDate.of(2025, 1, 1), BigDecimal.TEN,
                        LocalDate.of(2026, 1, 1)), "alice").name());
        ProblemException e = assertThrows(ProblemException.class, () -> measurement.report("riverbend", cards.id(),
                new ValueReport("2025-Q1", "Library", BigDecimal.ONE, null, null), "alice"));
        assertEquals("period", e.problem().violations().get(0).field());
        ProblemException typed = assertThrows(ProblemException.class, () -> measurement.addIndicator("riverbend",
                new IndicatorSpec("Loans", "loans", "loans", Direction.UP, Aggregation.SUM, PeriodType.MONTH,
                        BigDecimal.ONE, LocalDate.of(1025, 1, 1), BigDecimal.TEN, LocalDate.of(3026, 1, 1)), "alice"));
        assertEquals(List.of(new Violation("baselineDate", "must be in a year between 2000 and 2100"),
                new Violation("targetDate", "must be in a year between 2000 and 2100")), typed.problem().violations());
        assertEquals(404, assertThrows(ProblemException.class, () -> measurement.indicator("riverbend", 999))
                .problem().status());
    }

    @Test
    public void anIndicatorsBoundsAreCheckedWhenItIsDefinedAndOnEveryValue() {
        ProblemException crossed = assertThrows(ProblemException.class, () -> measurement.addIndicator("riverbend",
                readiness(new BigDecimal("100"), BigDecimal.ZERO, new BigDecimal("40"), new BigDecimal("60")), "alice"));
        assertEquals(List.of(new Violation("maximum", "is below the minimum, 100")), crossed.problem().violations());
        ProblemException outside = assertThrows(ProblemException.class, () -> measurement.addIndicator("riverbend",
                readiness(BigDecimal.ZERO, new BigDecimal("100"), new BigDecimal("-1"), new BigDecimal("140")), "alice"));
        assertEquals(List.of(new Violation("baseline", "is below the minimum, 0"),
                new Violation("target", "is above the maximum, 100")), outside.problem().violations());
        assertEquals("nothing was defined", 0, measurement.indicators("riverbend").size());

        Indicator ready = measurement.addIndicator("riverbend", readiness(BigDecimal.ZERO, new BigDecimal("100.000"),
                new BigDecimal("40"), new BigDecimal("60")), "alice");
        assertEquals(0, new BigDecimal("100").compareTo(ready.maximum()));
        ProblemException tooMuch = assertThrows(ProblemException.class, () -> measurement.report("riverbend",
                ready.id(), new ValueReport("2025-05", "Library", new BigDecimal("250"), null, null), "alice"));
        assertEquals(List.of(new Violation("value", "is above the indicator's maximum, 100")),
                tooMuch.problem().violations());
        assertEquals(0, new BigDecimal("100").compareTo(measurement.report("riverbend", ready.id(),
                new ValueReport("2025-05", "Library", new BigDecimal("100"), null, null), "alice").value()));
        assertEquals("an indicator without bounds takes any figure", 0, new BigDecimal("-5").compareTo(
                measurement.report("riverbend", cards().id(), new ValueReport("2025-05", "Library",
                        new BigDecimal("-5"), null, null), "alice").value()));
    }

    private static IndicatorSpec readiness(BigDecimal minimum, BigDecimal maximum, BigDecimal baseline,
                                           BigDecimal target) {
        return new IndicatorSpec("Ready for kindergarten", "share ready", "%", Direction.UP, Aggregation.MEAN,
                PeriodType.MONTH, baseline, LocalDate.of(2025, 1, 1), target, LocalDate.of(2026, 1, 1), minimum,
                maximum);
    }

    /** pia is a partner of riverbend (for Riverbend Library Inc.); nobody else has a role. */
    private static final InitiativeAccess NO_ROLES = new InitiativeAccess() {
        @Override
        public Optional<AccessRole> role(String initiativeId, String login, boolean platformAdmin) {
            return login.equals("pia") ? Optional.of(AccessRole.PARTNER) : Optional.empty();
        }

        @Override
        public java.util.Set<String> visible(String login, boolean platformAdmin) {
            return java.util.Set.of();
        }
    };

    @Test
    public void partnersReportForTheirOwnOrganisationOnly() {
        Indicator cards = cards();
        ReportingScope pia = measurement.scope("riverbend", "pia", false);
        measurement.report("riverbend", cards.id(), new ValueReport("2025-03", "Riverbend Library", BigDecimal.TEN,
                null, null), "pia", pia);
        ProblemException refused = assertThrows(ProblemException.class, () -> measurement.report("riverbend",
                cards.id(), new ValueReport("2025-03", "Eastside Trust", BigDecimal.TEN, null, null), "pia", pia));
        assertEquals(403, refused.problem().status());
        assertEquals("partner", refused.problem().violations().get(0).field());
        ProblemException imported = assertThrows(ProblemException.class, () -> measurement.importValues("riverbend",
                "indicator,period,partner,value\nLibrary cards,2025-04,Eastside Trust,5\n", "pia", pia));
        assertEquals(403, imported.problem().status());
        ProblemException afterAGoodRow = assertThrows(ProblemException.class, () -> measurement.importValues(
                "riverbend", "indicator,period,partner,value\nLibrary cards,2025-05,Riverbend Library,5\n"
                + "Library cards,2025-04,Eastside Trust,5\n", "pia", pia));
        assertEquals(403, afterAGoodRow.problem().status());
        assertEquals("the good row written before the refused one is rolled back", 1,
                measurement.values("riverbend", cards.id()).size());
        assertEquals(ReportingScope.ANY, measurement.scope("riverbend", "alice", false));
    }

    /**
     * A partner's scope is read from its seats before the write (and kept with a background import): its organisation
     * merged into another meanwhile, the partner reports for the one kept, and still for no other.
     */
    @Test
    public void aScopeReadBeforeItsOrganisationWasMergedAllowsTheOrganisationKept() {
        Indicator cards = cards();
        ReportingScope pia = measurement.scope("riverbend", "pia", false);
        organisations.with("riverbend", Sector.EDUCATION, "Books for All");
        long kept = organisations.resolve("riverbend", "Books for All").orElseThrow().id();
        organisations.merge("riverbend", organisations.resolve("riverbend", "Riverbend Library").orElseThrow().id(), kept,
                "admin"); // pia's seat's organisation
        ReportedValue stored = measurement.report("riverbend", cards.id(), new ValueReport("2025-03", "Books for All",
                BigDecimal.TEN, null, null), "pia", pia);
        assertEquals("Books for All", stored.partner());
        assertEquals(1, measurement.importValues("riverbend",
                "indicator,period,partner,value\nLibrary cards,2025-04,Riverbend Library,5\n", "pia", pia));
        ProblemException other = assertThrows(ProblemException.class, () -> measurement.importValues("riverbend",
                "indicator,period,partner,value\nLibrary cards,2025-05,Eastside Trust,5\n", "pia", pia));
        assertEquals(403, other.problem().status());
    }

    @Test
    public void partnersAreRegisteredOrganisationsWhateverTheSpelling() {
        Indicator cards = cards();
        ReportedValue stored = measurement.report("riverbend", cards.id(), new ValueReport("2025-05", "The Library, Inc.",
                BigDecimal.ONE, null, null), "alice");
        assertEquals("stored in the registry's spelling", "Library", stored.partner());
        measurement.report("riverbend", cards.id(), new ValueReport("2025-05", "LIBRARY", BigDecimal.TEN, null, null),
                "alice");
        assertEquals("another spelling corrects the one value", 1, measurement.values("riverbend", cards.id()).size());
        ProblemException unknown = assertThrows(ProblemException.class, () -> measurement.report("riverbend", cards.id(),
                new ValueReport("2025-05", "Westside Trust", BigDecimal.ONE, null, null), "alice"));
        assertEquals(400, unknown.problem().status());
        assertEquals("partner", unknown.problem().violations().get(0).field());
        ProblemException file = assertThrows(ProblemException.class, () -> measurement.importValues("riverbend",
                "indicator,period,partner,value\nLibrary cards,2025-01,Library,1\nLibrary cards,2025-01,Westside,2\n"
                        + "Library cards,2025-01,Northside,3\n", "alice", ReportingScope.ANY));
        assertEquals(List.of("row 3, column partner", "row 4, column partner"), file.problem().violations().stream()
                .map(v -> v.field()).toList());
        assertTrue(file.problem().violations().get(0).message().contains("'Westside'"));
    }

    @Test
    public void myWorkListsTheIndicatorsOffTrackOrNotReportedOnly() {
        Indicator cards = cards();
        measurement.report("riverbend", cards.id(), new ValueReport("2025-05", "Library", new BigDecimal("250"), null,
                null), "alice"); // past the target, for the last complete month: nothing to flag
        measurement.addIndicator("riverbend", new IndicatorSpec("Visits", "library visits", "visits", Direction.UP,
                Aggregation.SUM, PeriodType.MONTH, new BigDecimal("0"), LocalDate.of(2025, 1, 1), new BigDecimal("10"),
                LocalDate.of(2026, 1, 1)), "alice");
        List<org.civicbackbone.api.console.WorkItem> items = List.of(new org.civicbackbone.api.console.WorkItem(
                org.civicbackbone.api.console.WorkItem.Kind.NEEDS_ATTENTION, null,
                "Indicator Visits: no value for the last complete period", false, "indicators"));
        assertEquals(items, new MeasurementFunction(measurement).of("riverbend"));
        // asked for several initiatives at once (two queries): by initiative, one without indicators left out, an id
        // asked twice read once
        assertEquals(java.util.Map.of("riverbend", items),
                new MeasurementFunction(measurement).ofEach(List.of("riverbend", "elsewhere", "riverbend")));
    }
}
