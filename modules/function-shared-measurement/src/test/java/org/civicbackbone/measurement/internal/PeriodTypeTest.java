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
}
