package org.civicbackbone.measurement.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.civicbackbone.api.initiative.Organisation;
import org.civicbackbone.api.initiative.Sector;
import org.civicbackbone.api.problem.ProblemException;
import org.civicbackbone.api.problem.Violation;
import org.civicbackbone.api.store.BackboneStore;
import org.civicbackbone.testkit.InMemoryOrganisations;
import org.civicbackbone.testkit.RecordingAuditLog;
import org.civicbackbone.testkit.SameMoment;
import org.civicbackbone.testkit.TestStore;
import org.junit.Before;
import org.junit.Test;

/** Changing an indicator's definition against a real (in-memory) H2 database, with the values it already holds. */
public class IndicatorDefinitionsTest {

    private RecordingAuditLog audit;
    private IndicatorDefinitions definitions;
    private ValueWrites values;
    private List<Organisation> partners;

    @Before
    public void setUp() {
        BackboneStore store = TestStore.inMemory();
        store.migrate(MeasurementSchema.MODULE, MeasurementSchema.MIGRATIONS);
        audit = new RecordingAuditLog(store);
        definitions = new IndicatorDefinitions(store, audit);
        InMemoryOrganisations registry = new InMemoryOrganisations().with("riverbend", Sector.NONPROFIT, "Library",
                "School");
        values = new ValueWrites(store, audit, registry, Clock.fixed(Instant.parse("2025-06-15T12:00:00Z"),
                ZoneOffset.UTC));
        partners = registry.organisations("riverbend");
    }

    private static IndicatorSpec cards(String name, PeriodType period, String target, String minimum, String maximum) {
        return new IndicatorSpec(name, "cards issued", "cards", Direction.UP, Aggregation.SUM, period,
                new BigDecimal("100"), LocalDate.of(2025, 1, 1), new BigDecimal(target), LocalDate.of(2026, 1, 1),
                minimum == null ? null : new BigDecimal(minimum), maximum == null ? null : new BigDecimal(maximum));
    }

    /** Library cards, with 90 reported by the library and 40 by the school for May 2025. */
    private Indicator cardsWithValues() {
        Indicator cards = definitions.define("riverbend", cards("Library cards", PeriodType.MONTH, "200", null, null),
                "alice");
        report(cards, 0, "90");
        report(cards, 1, "40");
        return cards;
    }

    private ReportedValue report(Indicator indicator, int partner, String value) {
        Organisation who = partners.get(partner);
        return values.report("riverbend", indicator, new ValueReport("2025-05", who.name(), new BigDecimal(value),
                null, null), who, ReportingScope.ANY, "pia");
    }

    private ProblemException refusedChange(Indicator indicator, IndicatorSpec spec) {
        return assertThrows(ProblemException.class, () -> definitions.redefine("riverbend", indicator.id(), spec,
                "alice"));
    }

    @Test
    public void aChangeIsStoredAndTheAuditLogSaysWhatChanged() {
        Indicator cards = cardsWithValues();
        Indicator changed = definitions.redefine("riverbend", cards.id(),
                cards(" Library cards issued ", PeriodType.MONTH, "250", "0", "500"), "alice");
        assertEquals("Library cards issued", changed.name());
        assertEquals(0, new BigDecimal("250").compareTo(changed.target()));
        assertEquals(0, BigDecimal.ZERO.compareTo(changed.minimum()));
        assertEquals(0, new BigDecimal("500").compareTo(changed.maximum()));
        assertEquals("alice indicator.update", audit.actions().get(audit.actions().size() - 1));
        assertEquals("indicator " + cards.id() + " 'Library cards issued': name 'Library cards' to 'Library cards "
                + "issued'; target 200 to 250; minimum none to 0; maximum none to 500",
                audit.recent("riverbend", 1).get(0).detail());
        int logged = audit.actions().size();
        assertEquals("the same again, eight times at once", 8, SameMoment.run(8, i -> definitions.redefine("riverbend",
                cards.id(), cards(" Library cards issued ", PeriodType.MONTH, "250", "0", "500"), "alice")).served());
        assertEquals("nothing to log", logged, audit.actions().size());
    }

    @Test
    public void valuesAlreadyReportedLimitTheChangeAndARefusedOneChangesNothing() {
        Indicator cards = cardsWithValues();
        ProblemException crossed = refusedChange(cards, cards("Library cards", PeriodType.QUARTER, "200", "60", "50"));
        assertEquals(409, crossed.problem().status());
        assertEquals(List.of(
                new Violation("reportingPeriod", "cannot change while the indicator holds 2 values reported by MONTH"),
                new Violation("minimum", "is above 40, a value already reported; correct that value first"),
                new Violation("maximum", "is below 90, a value already reported; correct that value first")),
                crossed.problem().violations());
        // bounds the values keep to are taken; the values themselves are the bounds' edge
        Indicator fitted = definitions.redefine("riverbend", cards.id(),
                cards("Library cards", PeriodType.MONTH, "200", "40", "90"), "alice");
        assertEquals(0, new BigDecimal("90").compareTo(fitted.maximum()));
        assertEquals(List.of("alice indicator.create", "pia value.report", "pia value.report",
                "alice indicator.update"), audit.actions());
    }

    @Test
    public void anIndicatorWithoutValuesMayChangeItsKindOfPeriod() {
        Indicator cards = definitions.define("riverbend", cards("Library cards", PeriodType.MONTH, "200", null, null),
                "alice");
        assertEquals(PeriodType.QUARTER, definitions.redefine("riverbend", cards.id(),
                cards("Library cards", PeriodType.QUARTER, "200", null, null), "alice").reportingPeriod());
    }

    @Test
    public void anotherIndicatorsNameIsRefusedAndItsOwnInAnotherCaseIsNot() {
        Indicator cards = cardsWithValues();
        definitions.define("riverbend", cards("Readers", PeriodType.MONTH, "200", null, null), "alice");
        ProblemException taken = refusedChange(cards, cards("readers ", PeriodType.MONTH, "200", null, null));
        assertEquals(409, taken.problem().status());
        assertEquals("name", taken.problem().violations().get(0).field());
        assertEquals("LIBRARY cards", definitions.redefine("riverbend", cards.id(),
                cards("LIBRARY cards", PeriodType.MONTH, "200", null, null), "alice").name());
    }

    @Test
    public void anUnknownIndicatorIsNotFound() {
        Indicator cards = cardsWithValues();
        ProblemException missing = assertThrows(ProblemException.class, () -> definitions.redefine("eastside",
                cards.id(), cards("Library cards", PeriodType.MONTH, "200", null, null), "alice"));
        assertEquals(404, missing.problem().status());
    }

    @Test
    public void aValueCheckedAgainstTheRulesBeforeTheyChangedIsRefused() {
        Indicator asRead = cardsWithValues();
        assertNull(asRead.maximum());
        Indicator changed = definitions.redefine("riverbend", asRead.id(),
                cards("Library cards", PeriodType.MONTH, "200", null, "100"), "alice");
        // a report checked against the indicator as it was read before the change: 150 passed no bound then
        ProblemException late = assertThrows(ProblemException.class, () -> report(asRead, 0, "150"));
        assertEquals(409, late.problem().status());
        assertTrue(late.problem().detail(), late.problem().detail().contains("send them again"));
        assertEquals(0, new BigDecimal("95").compareTo(report(changed, 0, "95").value()));
    }
}
