package org.civicbackbone.api.problem;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

/**
 * The days an initiative's records may carry, checked alike by every module: days in the years {@value #FIRST_YEAR}
 * to {@value #LAST_YEAR} (outside them is a slip of the keyboard, 1026 for 2026, that would stand as a meeting a
 * thousand years ago or an agreement of a thousand years), and "today" with a day's leeway either side, since the
 * person entering a day may be many hours ahead of or behind the server.
 */
public final class RecordDays {

    /** The first year a record may fall in. */
    public static final int FIRST_YEAR = 2000;

    /** The last year a record may fall in. */
    public static final int LAST_YEAR = 2100;

    private RecordDays() {
    }

    /** A violation naming the field when the day falls outside the years records may carry; none for no day. */
    public static List<Violation> outsideYears(String field, LocalDate day) {
        return day == null || isRecordYear(day.getYear()) ? List.of()
                : List.of(new Violation(field, "must be in a year between " + FIRST_YEAR + " and " + LAST_YEAR));
    }

    /**
     * A violation naming the field when a bare year (a budget's, say) is not one records may carry.
     *
     * @since 1.4
     */
    public static List<Violation> outsideYears(String field, int year) {
        return isRecordYear(year) ? List.of()
                : List.of(new Violation(field, "must be between " + FIRST_YEAR + " and " + LAST_YEAR));
    }

    private static boolean isRecordYear(int year) {
        return year >= FIRST_YEAR && year <= LAST_YEAR;
    }

    /** The same for a moment, by its day in UTC. */
    public static List<Violation> outsideYears(String field, Instant moment) {
        return moment == null ? List.of() : outsideYears(field, LocalDate.ofInstant(moment, ZoneOffset.UTC));
    }

    /** The latest day it may be today for the person entering it: what has happened happened no later. */
    public static LocalDate latestToday() {
        return LocalDate.now().plusDays(1);
    }

    /** The earliest day it may be today for the person entering it: what is still to come is due no earlier. */
    public static LocalDate earliestToday() {
        return LocalDate.now().minusDays(1);
    }
}
