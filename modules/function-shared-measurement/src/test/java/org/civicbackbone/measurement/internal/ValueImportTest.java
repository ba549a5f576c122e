package org.civicbackbone.measurement.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.civicbackbone.api.initiative.Organisation;
import org.civicbackbone.api.initiative.OrganisationRegistry;
import org.civicbackbone.api.initiative.Sector;
import org.civicbackbone.api.problem.Violation;
import org.junit.Test;

public class ValueImportTest {

    /** A small file read whole: the rows to store, or the faults that refuse it. */
    private record Result(List<ValueImport.Row> rows, List<Violation> violations) {
    }

    private static Result read(String csv, java.util.function.Function<String, Optional<Indicator>> lookup,
                               java.util.function.Function<String, Optional<Organisation>> partners) {
        List<ValueImport.Row> rows = new java.util.ArrayList<>();
        ValueImport.Check check = new ValueImport(lookup, partners).read(new java.io.StringReader(csv), read -> { },
                partner -> true, rows::add);
        return check.violations().isEmpty() ? new Result(rows, List.of()) : new Result(List.of(), check.violations());
    }

    @Test
    public void rowsAreHandedOnOnlyUntilTheFirstFaultOrRefusedPartner() {
        List<ValueImport.Row> handed = new java.util.ArrayList<>();
        ValueImport file = new ValueImport(ValueImportTest::lookup, ValueImportTest::partner);
        ValueImport.Check check = file.read(new java.io.StringReader("indicator,period,partner,value\n"
                + "7,2025-01,Library,1\n7,2025-02,Library,x\n7,2025-03,Library,3\n"), read -> { }, p -> true, handed::add);
        assertEquals("the good row before the fault only", 1, handed.size());
        assertEquals(3, check.rows());
        assertEquals(1, check.faults());
        handed.clear();
        check = file.read(new java.io.StringReader("indicator,period,partner,value\n7,2025-01,Library,1\n"
                + "7,2025-02,\"Family Center, North\",2\n7,2025-03,Library,3\n"), read -> { }, p -> p.id() == 1,
                handed::add);
        assertEquals("nothing after a partner the uploader may not report for", 1, handed.size());
        assertEquals("Family Center, North", check.refusedPartner());
    }

    private static final Indicator CARDS = new Indicator(7, "i", "Library cards", "d", "cards", Direction.UP,
            Aggregation.SUM, PeriodType.MONTH, BigDecimal.ONE, LocalDate.of(2024, 1, 1), BigDecimal.TEN,
            LocalDate.of(2027, 1, 1), null, null);

    private static Optional<Indicator> lookup(String ref) {
        return ref.equals("7") || ref.equalsIgnoreCase("library cards") ? Optional.of(CARDS) : Optional.empty();
    }

    private static final List<Organisation> REGISTRY = List.of(
            new Organisation(1, "i", "Library", List.of("Riverbend Library"), List.of(Sector.PUBLIC_AGENCY)),
            new Organisation(2, "i", "Family Center, North", List.of(), List.of(Sector.NONPROFIT)));

    private static Optional<Organisation> partner(String name) {
        return new Partners(REGISTRY).resolve(name);
    }

    @Test
    public void partnersAreResolvedToTheRegistryAndUnknownOnesListedPerRow() {
        Result r = read("indicator,period,partner,value\n7,2025-01,riverbend library,1\n"
                + "7,2025-02,Eastside,2\n", ValueImportTest::lookup, ValueImportTest::partner);
        assertEquals(List.of(new Violation("row 3, column partner", OrganisationRegistry.unknown("Eastside"))), r.violations());
        Result ok = read("indicator,period,partner,value\n7,2025-01,riverbend library,1\n",
                ValueImportTest::lookup, ValueImportTest::partner);
        assertEquals("Library", ok.rows().get(0).report().partner());
        assertEquals(1, ok.rows().get(0).partner().id());
    }

    @Test
    public void readsRowsByIdOrNameInAnyColumnOrder() {
        Result r = read("period,indicator,value,partner\n"
                + "2025-01,7,12,Library\n2025-02,LIBRARY CARDS,13.5,\"Family Center, North\"\n", ValueImportTest::lookup, ValueImportTest::partner);
        assertEquals(List.of(), r.violations());
        assertEquals(2, r.rows().size());
        assertEquals("Family Center, North", r.rows().get(1).report().partner());
        assertEquals(new BigDecimal("13.5"), r.rows().get(1).report().value());
    }

    @Test
    public void oneBadRowRefusesTheWholeFileNamingRowColumnAndReason() {
        Result r = read("indicator,period,partner,value\n"
                + "7,2025-01,Library,12\n"
                + "7,2025-Q1,Library,1\n"
                + "9,2025-02,Library,abc\n"
                + "7,2125-01,Library,5\n", ValueImportTest::lookup, ValueImportTest::partner);
        assertTrue(r.rows().isEmpty());
        assertEquals(List.of(
                new Violation("row 3, column period", "'2025-Q1' is not a month (YYYY-MM, e.g. 2025-03)"),
                new Violation("row 4, column indicator", "no indicator '9' in this initiative (give its id or exact name)"),
                new Violation("row 4, column value", "'abc' is not a number (use a dot for decimals, no thousands separators)"),
                new Violation("row 5, column period", "'2125-01' has not begun; values are reported for periods under way or past")),
                r.violations());
    }

    @Test
    public void aValueOutsideItsIndicatorsBoundsIsAFaultOfItsRow() {
        Indicator ready = new Indicator(8, "i", "Ready for kindergarten", "d", "%", Direction.UP, Aggregation.MEAN,
                PeriodType.MONTH, BigDecimal.ONE, LocalDate.of(2024, 1, 1), BigDecimal.TEN, LocalDate.of(2027, 1, 1),
                BigDecimal.ZERO, new BigDecimal("100"));
        Result r = read("indicator,period,partner,value\n8,2025-01,Library,0\n8,2025-02,Library,100\n"
                + "8,2025-03,Library,-5\n8,2025-04,Library,250.5\n", ref -> Optional.of(ready),
                ValueImportTest::partner);
        assertTrue(r.rows().isEmpty());
        assertEquals(List.of(
                new Violation("row 4, column value", "'-5' is below the indicator's minimum, 0"),
                new Violation("row 5, column value", "'250.5' is above the indicator's maximum, 100")), r.violations());
        assertEquals("the bounds themselves may be reported", 2, read("indicator,period,partner,value\n"
                + "8,2025-01,Library,0\n8,2025-02,Library,100\n", ref -> Optional.of(ready), ValueImportTest::partner)
                .rows().size());
    }

    @Test
    public void valuesTheColumnCannotHoldAreRefusedNeverRounded() {
        Result r = read("indicator,period,partner,value\n"
                + "7,2025-01,Library,0.0000001\n7,2025-02,Library,1e30\n7,2025-03,Library,12.500000\n",
                ValueImportTest::lookup, ValueImportTest::partner);
        assertEquals(List.of(
                new Violation("row 2, column value", "'0.0000001' " + ValueReport.RANGE),
                new Violation("row 3, column value", "'1e30' " + ValueReport.RANGE)), r.violations());
        assertTrue(ValueReport.fitsColumn(new BigDecimal("99999999999999.999999")));
    }

    @Test
    public void headerFaults() {
        assertEquals("row 1", read("indicator,period,value\n7,2025-01,1\n", ValueImportTest::lookup, ValueImportTest::partner)
                .violations().get(0).field());
        assertEquals("row 1, column 5", read("indicator,period,partner,value,colour\n",
                ValueImportTest::lookup, ValueImportTest::partner).violations().get(0).field());
        assertEquals("row 2", read("indicator,period,partner,value\n", ValueImportTest::lookup, ValueImportTest::partner)
                .violations().get(0).field());
        assertEquals("row 1", read("", ValueImportTest::lookup, ValueImportTest::partner).violations().get(0).field());
    }

    /** A spreadsheet set to a language with decimal commas saves with semicolons: one fault that says so. */
    @Test
    public void aFileSeparatedByAnythingButCommasIsToldSo() {
        String hint = ", not by commas; save the file as comma-separated values (in a spreadsheet: \"CSV UTF-8 (comma "
                + "delimited)\")";
        assertEquals(List.of(new Violation("row 1", "the columns are separated by ';'" + hint)),
                read("Indicator;Period;Partner;Value\n7;2025-01;Library;1,5\n", ValueImportTest::lookup,
                        ValueImportTest::partner).violations());
        assertEquals(List.of(new Violation("row 1", "the columns are separated by tabs" + hint)),
                read("indicator\tperiod\tpartner\tvalue\n", ValueImportTest::lookup, ValueImportTest::partner)
                        .violations());
        assertEquals("an unknown single column stays an unknown column", "row 1, column 1",
                read("colour;size\n", ValueImportTest::lookup, ValueImportTest::partner).violations().get(0).field());
    }

    @Test
    public void disaggregationNeedsBothColumnsAndRowsNeedAllFields() {
        Result r = read("indicator,period,partner,value,dimension,category\n"
                + "7,2025-01,Library,3,age band,\n7,2025-01,Library\n", ValueImportTest::lookup, ValueImportTest::partner);
        assertEquals(List.of(
                new Violation("row 2, column category", "dimension and category must be given together, or neither"),
                new Violation("row 3", "has 3 fields, the header has 6")), r.violations());
    }

    @Test
    public void aRepeatedSlotIsRefused() {
        Result r = read("indicator,period,partner,value\n7,2025-01,Library,3\n"
                + "library cards,2025-01,LIBRARY,4\n", ValueImportTest::lookup, ValueImportTest::partner);
        assertEquals(List.of(new Violation("row 3", "repeats row 2 (same indicator, period, partner and category)")),
                r.violations());
    }

    @Test
    public void unclosedQuoteIsReported() {
        Result r = read("indicator,period,partner,value\n7,2025-01,\"Library,3\n",
                ValueImportTest::lookup, ValueImportTest::partner);
        assertEquals("row 2", r.violations().get(0).field());
    }

    @Test
    public void aHundredThousandDistinctSlotsOfManyIndicatorsAndPartnersAreNeverTakenForRepeats() {
        java.util.Map<String, Indicator> indicators = new java.util.HashMap<>();
        for (long id = 1; id <= 12; id++) {
            indicators.put(Long.toString(id), new Indicator(id, "i", "Indicator " + id, "d", "n", Direction.UP,
                    Aggregation.SUM, PeriodType.MONTH, BigDecimal.ONE, LocalDate.of(2020, 1, 1), BigDecimal.TEN,
                    LocalDate.of(2030, 1, 1), null, null));
        }
        java.util.Map<String, Organisation> partners = new java.util.HashMap<>();
        for (long id = 1; id <= 250; id++) {
            partners.put("P" + id, new Organisation(id, "i", "P" + id, List.of(), List.of(Sector.NONPROFIT)));
        }
        StringBuilder csv = new StringBuilder("indicator,period,partner,value,dimension,category\n");
        for (int p = 1; p <= 250; p++) {
            for (int i = 1; i <= 12; i++) {
                for (int m = 1; m <= 12; m++) {
                    for (int c = 0; c < 3; c++) {
                        csv.append(i).append(",2025-").append(m < 10 ? "0" + m : m).append(",P").append(p)
                                .append(",1,band,").append(c).append('\n');
                    }
                }
            }
        }
        ValueImport.Check check = new ValueImport(ref -> Optional.ofNullable(indicators.get(ref)),
                name -> Optional.ofNullable(partners.get(name))).check(new java.io.StringReader(csv.toString()),
                rows -> { }, partner -> true);
        assertEquals(List.of(), check.violations());
        assertEquals(250 * 12 * 12 * 3, check.rows());
    }
}
