package org.civicbackbone.api.rest;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Function;
import org.civicbackbone.api.problem.ProblemException;

/**
 * Query parameters read from their text. A resource takes each one as a {@code String} ({@code @QueryParam("limit")
 * String limit}) and reads it here: JAX-RS answers a typed parameter it cannot convert with a bare 404, as if the
 * address did not exist, where a client needs a 400 naming the parameter and saying what it accepts. An absent or
 * blank parameter is empty; surrounding spaces are ignored; a bad one is a {@link ProblemException} (400, the
 * parameter as the field). A shell command reads its text options the same way (the option as the name), so that
 * both refuse a value in the same words.
 */
public final class QueryParameters {

    private QueryParameters() {
    }

    /** The parameter's text without surrounding spaces, or empty when absent or blank. */
    public static Optional<String> text(String value) {
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
    }

    /**
     * A whole number from {@code min} to {@code max}, both included.
     *
     * @throws ProblemException 400 naming {@code name} when the text is not such a number
     */
    public static OptionalLong whole(String name, String value, long min, long max) {
        Optional<String> text = text(value);
        if (text.isEmpty()) {
            return OptionalLong.empty();
        }
        try {
            long n = Long.parseLong(text.get());
            if (n >= min && n <= max) {
                return OptionalLong.of(n);
            }
        } catch (NumberFormatException e) {
            // refused below, as a number out of bounds is
        }
        // No bound beyond the int range is worth spelling out to a person: "at least 1" says it.
        String bounds = max >= Integer.MAX_VALUE ? "of at least " + min : "from " + min + " to " + max;
        throw ProblemException.invalid(name, "'" + value + "' is not a whole number " + bounds);
    }

    /**
     * One of an enumeration's constants, named in any case ({@code approved} for {@code APPROVED}).
     *
     * @throws ProblemException 400 naming {@code name} and listing the constants when the text names none of them
     */
    public static <E extends Enum<E>> Optional<E> oneOf(String name, String value, Class<E> kind) {
        Optional<String> text = text(value);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Enum.valueOf(kind, text.get().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid(name, "'" + value + "' is not one of " + Arrays.toString(kind.getEnumConstants()));
        }
    }

    /**
     * A day in ISO-8601 ({@code 2026-11-23}).
     *
     * @throws ProblemException 400 naming {@code name} when the text is not such a day
     */
    public static Optional<LocalDate> day(String name, String value) {
        return parsed(name, value, LocalDate::parse, "a day (YYYY-MM-DD)");
    }

    /**
     * An instant in ISO-8601 with its offset ({@code 2026-11-23T10:00:00Z}).
     *
     * @throws ProblemException 400 naming {@code name} when the text is not such an instant
     */
    public static Optional<Instant> instant(String name, String value) {
        return parsed(name, value, Instant::parse, "an instant (ISO-8601, e.g. 2026-11-23T10:00:00Z)");
    }

    private static <T> Optional<T> parsed(String name, String value, Function<String, T> parse, String expected) {
        try {
            return text(value).map(parse);
        } catch (DateTimeParseException e) {
            throw ProblemException.invalid(name, "'" + value + "' is not " + expected);
        }
    }
}
