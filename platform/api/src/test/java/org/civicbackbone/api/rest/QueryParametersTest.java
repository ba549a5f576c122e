package org.civicbackbone.api.rest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.fail;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Supplier;
import org.civicbackbone.api.problem.ProblemException;
import org.civicbackbone.api.problem.Violation;
import org.junit.Test;

public class QueryParametersTest {

    private enum Colour { RED, GREEN }

    @Test
    public void absentOrBlankIsEmptyAndSpacesAroundAreIgnored() {
        assertFalse(QueryParameters.text(null).isPresent());
        assertFalse(QueryParameters.text("  ").isPresent());
        assertFalse(QueryParameters.whole("limit", null, 1, 10).isPresent());
        assertFalse(QueryParameters.oneOf("colour", "", Colour.class).isPresent());
        assertFalse(QueryParameters.day("from", " ").isPresent());
        assertFalse(QueryParameters.instant("to", null).isPresent());
        assertEquals(Optional.of("x y"), QueryParameters.text(" x y "));
        assertEquals(OptionalLong.of(7), QueryParameters.whole("limit", " 7 ", 1, 10));
        assertEquals(Optional.of(Colour.GREEN), QueryParameters.oneOf("colour", " green", Colour.class));
        assertEquals(Optional.of(LocalDate.of(2026, 11, 23)), QueryParameters.day("from", "2026-11-23 "));
        assertEquals(Optional.of(Instant.parse("2026-11-23T09:00:00Z")),
                QueryParameters.instant("to", "2026-11-23T10:00:00+01:00"));
    }

    @Test
    public void wholeNumbersAreBoundedBothWays() {
        assertEquals(OptionalLong.of(1), QueryParameters.whole("limit", "1", 1, 1000));
        assertEquals(OptionalLong.of(1000), QueryParameters.whole("limit", "1000", 1, 1000));
        assertRefused("limit", "'0' is not a whole number from 1 to 1000", () -> QueryParameters.whole("limit", "0", 1, 1000));
        assertRefused("limit", "'1001' is not a whole number from 1 to 1000",
                () -> QueryParameters.whole("limit", "1001", 1, 1000));
        assertRefused("limit", "'2.5' is not a whole number from 1 to 1000",
                () -> QueryParameters.whole("limit", "2.5", 1, 1000));
        assertRefused("before", "'99999999999999999999' is not a whole number of at least 1",
                () -> QueryParameters.whole("before", "99999999999999999999", 1, Long.MAX_VALUE));
        assertRefused("version", "'first' is not a whole number of at least 1",
                () -> QueryParameters.whole("version", "first", 1, Integer.MAX_VALUE));
    }

    @Test
    public void badTextIsRefusedNamingTheParameterAndWhatItTakes() {
        assertRefused("colour", "'blue' is not one of [RED, GREEN]", () -> QueryParameters.oneOf("colour", "blue", Colour.class));
        assertRefused("from", "'23/11/2026' is not a day (YYYY-MM-DD)", () -> QueryParameters.day("from", "23/11/2026"));
        assertRefused("to", "'yesterday' is not an instant (ISO-8601, e.g. 2026-11-23T10:00:00Z)",
                () -> QueryParameters.instant("to", "yesterday"));
    }

    private static void assertRefused(String field, String message, Supplier<?> read) {
        try {
            fail("accepted: " + read.get());
        } catch (ProblemException e) {
            assertEquals(400, e.problem().status());
            assertEquals(java.util.List.of(new Violation(field, message)), e.problem().violations());
        }
    }
}
