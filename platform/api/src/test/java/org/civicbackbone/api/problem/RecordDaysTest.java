package org.civicbackbone.api.problem;

import static org.junit.Assert.assertEquals;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.Test;

public class RecordDaysTest {

    @Test
    public void aDayOutsideTheYearsRecordsCarryIsRefusedByItsField() {
        assertEquals(List.of(new Violation("heldOn", "must be in a year between 2000 and 2100")),
                RecordDays.outsideYears("heldOn", LocalDate.of(1999, 12, 31)));
        assertEquals(List.of(new Violation("dueOn", "must be in a year between 2000 and 2100")),
                RecordDays.outsideYears("dueOn", LocalDate.of(2101, 1, 1)));
        assertEquals(List.of(), RecordDays.outsideYears("heldOn", LocalDate.of(2000, 1, 1)));
        assertEquals(List.of(), RecordDays.outsideYears("heldOn", LocalDate.of(2100, 12, 31)));
        assertEquals("no day is not a wrong day", List.of(), RecordDays.outsideYears("endOn", (LocalDate) null));
        assertEquals("a moment by its day in UTC", List.of(new Violation("heldAt",
                "must be in a year between 2000 and 2100")), RecordDays.outsideYears("heldAt",
                Instant.parse("2101-01-01T00:00:00Z")));
        assertEquals(List.of(), RecordDays.outsideYears("heldAt", Instant.parse("2100-12-31T23:59:59Z")));
    }

    @Test
    public void aBareYearOutsideThemIsRefusedByItsField() {
        assertEquals(List.of(new Violation("year", "must be between 2000 and 2100")),
                RecordDays.outsideYears("year", 1999));
        assertEquals(List.of(new Violation("year", "must be between 2000 and 2100")),
                RecordDays.outsideYears("year", 2101));
        assertEquals(List.of(), RecordDays.outsideYears("year", 2000));
        assertEquals(List.of(), RecordDays.outsideYears("year", 2100));
    }

    @Test
    public void todayHasADaysLeewayEitherSide() {
        LocalDate today = LocalDate.now();
        assertEquals(today.plusDays(1), RecordDays.latestToday());
        assertEquals(today.minusDays(1), RecordDays.earliestToday());
    }
}
