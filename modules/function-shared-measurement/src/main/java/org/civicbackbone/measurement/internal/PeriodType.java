package org.civicbackbone.measurement.internal;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.civicbackbone.api.problem.RecordDays;

/** How often an indicator is reported, and how its periods are written: {@code 2025-03}, {@code 2025-Q1}, {@code 2025}. */
public enum PeriodType {
    MONTH("YYYY-MM, e.g. 2025-03", Pattern.compile("(\\d{4})-(0[1-9]|1[0-2])")),
    QUARTER("YYYY-Qn, e.g. 2025-Q1", Pattern.compile("(\\d{4})-Q([1-4])")),
    YEAR("YYYY, e.g. 2025", Pattern.compile("(\\d{4})"));

    private final String format;
    private final Pattern pattern;

    PeriodType(String format, Pattern pattern) {
        this.format = format;
        this.pattern = pattern;
    }

    /** How a period of this type is written, for error messages. */
    public String format() {
        return format;
    }

    /** Whether the text is a period of this type. */
    public boolean isValid(String period) {
        return period != null && pattern.matcher(period).matches();
    }

    /** Why a text is refused as a period of this type: {@code '2025' is not a month (YYYY-MM, e.g. 2025-03)}. */
    public String refusal(String period) {
        return "'" + period + "' is not a " + name().toLowerCase(Locale.ROOT) + " (" + format + ")";
    }

    /**
     * Why a text is refused as the period of a value reported on {@code today}: not a period of this type, or one
     * that has not begun (a value is what happened; {@code 2031-01} for {@code 2021-01} would stand as the latest
     * figure); empty when it may be reported. A day's leeway, for reporters ahead of the server's time zone.
     */
    public Optional<String> reportingRefusal(String period, LocalDate today) {
        if (!isValid(period)) {
            return Optional.of(refusal(period));
        }
        if (start(period).isAfter(today.plusDays(1))) {
            return Optional.of("'" + period + "' has not begun; values are reported for periods under way or past");
        }
        if (start(period).getYear() < RecordDays.FIRST_YEAR) {
            return Optional.of("'" + period + "' is before " + RecordDays.FIRST_YEAR + ", the first year records may "
                    + "carry");
        }
        return Optional.empty();
    }

    /** The first day of the period. */
    public LocalDate start(String period) {
        Matcher m = pattern.matcher(period);
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + period + "' is not a period of format " + format);
        }
        int year = Integer.parseInt(m.group(1));
        return switch (this) {
            case MONTH -> YearMonth.of(year, Integer.parseInt(m.group(2))).atDay(1);
            case QUARTER -> LocalDate.of(year, 1, 1).plusMonths(3L * (Integer.parseInt(m.group(2)) - 1));
            case YEAR -> LocalDate.of(year, 1, 1);
        };
    }

    /** The first day after the period: the period has ended once this day has begun. */
    public LocalDate endExclusive(String period) {
        LocalDate start = start(period);
        return switch (this) {
            case MONTH -> start.plusMonths(1);
            case QUARTER -> start.plusMonths(3);
            case YEAR -> start.plusYears(1);
        };
    }

    /** The period containing a date. */
    public String periodOf(LocalDate date) {
        return switch (this) {
            case MONTH -> YearMonth.from(date).toString();
            case QUARTER -> date.getYear() + "-Q" + ((date.getMonthValue() - 1) / 3 + 1);
            case YEAR -> Integer.toString(date.getYear());
        };
    }

    /** The period just before the one containing the date. */
    public String previousPeriod(LocalDate date) {
        return switch (this) {
            case MONTH -> periodOf(date.minusMonths(1));
            case QUARTER -> periodOf(date.minusMonths(3));
            case YEAR -> periodOf(date.minusYears(1));
        };
    }
}
