package org.civicbackbone.measurement.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.time.LocalDate;
import org.junit.Test;

public class PeriodTypeTest {

    @Test
    public void validatesFormats() {
        assertTrue(PeriodType.MONTH.isValid("2025-03"));
        assertFalse(PeriodType.MONTH.isValid("2025-13"));
        assertFalse(PeriodType.MONTH.isValid("2025-Q1"));
        assertTrue(PeriodType.QUARTER.isValid("2025-Q4"));
        assertFalse(PeriodType.QUARTER.isValid("2025-Q5"));
        assertTrue(PeriodType.YEAR.isValid("2025"));
        assertFalse(PeriodType.YEAR.isValid("25"));
    }

    @Test
    public void periodEnds() {
        assertEquals(LocalDate.of(2025, 4, 1), PeriodType.MONTH.endExclusive("2025-03"));
        assertEquals(LocalDate.of(2026, 1, 1), PeriodType.MONTH.endExclusive("2025-12"));
        assertEquals(LocalDate.of(2025, 7, 1), PeriodType.QUARTER.endExclusive("2025-Q2"));
        assertEquals(LocalDate.of(2026, 1, 1), PeriodType.YEAR.endExclusive("2025"));
    }

    @Test
    public void previousPeriods() {
        LocalDate day = LocalDate.of(2026, 1, 15);
        assertEquals("2025-12", PeriodType.MONTH.previousPeriod(day));
        assertEquals("2025-Q4", PeriodType.QUARTER.previousPeriod(day));
        assertEquals("2025", PeriodType.YEAR.previousPeriod(day));
        assertEquals("2026-Q1", PeriodType.QUARTER.periodOf(day));
    }

    @Test
    public void aValueIsReportedForAPeriodUnderWayOrPastNeverForOneToCome() {
        LocalDate today = LocalDate.of(2026, 12, 5);
        assertEquals(java.util.Optional.empty(), PeriodType.MONTH.reportingRefusal("2026-12", today));
        assertEquals(java.util.Optional.empty(), PeriodType.QUARTER.reportingRefusal("2026-Q4", today));
        assertEquals(java.util.Optional.empty(), PeriodType.YEAR.reportingRefusal("2015", today));
        assertEquals(java.util.Optional.of("'2031-01' has not begun; values are reported for periods under way or past"),
                PeriodType.MONTH.reportingRefusal("2031-01", today));
        assertTrue(PeriodType.QUARTER.reportingRefusal("2027-Q1", today).isPresent());
        assertTrue(PeriodType.YEAR.reportingRefusal("2027", today).isPresent());
        assertEquals("a reporter a time zone ahead, on the first of the month", java.util.Optional.empty(),
                PeriodType.MONTH.reportingRefusal("2027-01", LocalDate.of(2026, 12, 31)));
        assertEquals(java.util.Optional.of("'2026-13' is not a month (YYYY-MM, e.g. 2025-03)"),
                PeriodType.MONTH.reportingRefusal("2026-13", today));
        assertEquals(java.util.Optional.of("'1999' is before 2000, the first year records may carry"),
                PeriodType.YEAR.reportingRefusal("1999", today));
        assertEquals(java.util.Optional.empty(), PeriodType.QUARTER.reportingRefusal("2000-Q1", today));
        assertEquals(LocalDate.of(2026, 10, 1), PeriodType.QUARTER.start("2026-Q4"));
    }
}
