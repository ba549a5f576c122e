package org.civicbackbone.measurement.internal;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.IntConsumer;
import java.util.function.Predicate;
import org.civicbackbone.api.initiative.Organisation;
import org.civicbackbone.api.initiative.OrganisationRegistry;
import org.civicbackbone.api.problem.Violation;

/**
 * Reads a CSV file of values into reports, all or nothing: every fault of every row is collected, with its row
 * (the header is row 1), column and reason (the first {@value #MAX_REPORTED} are listed), and if there is any the
 * file is refused whole. A file is read once, as a stream: each row is checked and, while the file has shown no fault,
 * handed on to be stored in the import's transaction, which a fault rolls back; its length does not decide the
 * memory it takes.
 */
public final class ValueImport {

    /** The columns, in the order export writes them. */
    public static final List<String> COLUMNS = List.of("indicator", "period", "partner", "value", "dimension", "category");
    private static final List<String> REQUIRED = COLUMNS.subList(0, 4);
    static final int MAX_REPORTED = 100;

    /** A value to store for an indicator, in the name of a registered organisation. */
    public record Row(Indicator indicator, ValueReport report, Organisation partner) {
    }

    /**
     * The outcome of checking a file: how many rows it has, its faults (the first {@value #MAX_REPORTED} listed; none
     * when it can be stored) and the first partner the uploader may not report for, if any.
     */
    public record Check(int rows, int faults, List<Violation> violations, String refusedPartner) {
    }

    private final Function<String, Optional<Indicator>> lookup;
    private final Function<String, Optional<Organisation>> partners;
    /** The day the file is read on: a period that has not begun by then is refused. */
    private final LocalDate today = LocalDate.now();

    /**
     * @param lookup   an indicator of the initiative by id or by name (case-insensitive)
     * @param partners an organisation of the initiative's registry by any of its names
     */
    public ValueImport(Function<String, Optional<Indicator>> lookup, Function<String, Optional<Organisation>> partners) {
        this.lookup = lookup;
        this.partners = partners;
    }

    /** Checks every row of a file without keeping it ({@link #read} with nothing to hand the rows to). */
    public Check check(Reader csv, IntConsumer progress, Predicate<Organisation> allowed) {
        return read(csv, progress, allowed, row -> { });
    }

    /**
     * Reads a file once: checks every row, by row and column, for rows repeating the slot (indicator, period,
     * partner, category) of an earlier one and for partners that {@code allowed} refuses, and hands each row to
     * {@code sink}, in the file's order, as long as no row before it had a fault or a refused partner. {@code progress}
     * hears the rows read so far. Whoever stores the rows must drop them when the answer has faults or a refused
     * partner: the rows handed on before the first fault are good, the file is not.
     */
    public Check read(Reader csv, IntConsumer progress, Predicate<Organisation> allowed, Consumer<Row> sink) {
        List<Violation> violations = new ArrayList<>();
        int[] faults = {0};
        Consumer<Violation> fault = v -> {
            if (faults[0]++ < MAX_REPORTED) {
                violations.add(v);
            }
        };
        SlotSet slots = new SlotSet();
        String refused = null;
        int rows = 0;
        try (Csv.Reader reader = new Csv.Reader(csv)) {
            Header index = header(reader, fault);
            if (index == null) {
                return new Check(0, faults[0], violations, null);
            }
            for (List<String> record = reader.next(); record != null; record = reader.next()) {
                rows++;
                int number = reader.records();
                Row row = row(record, index, number, fault);
                if (row != null && refused == null && !allowed.test(row.partner())) {
                    refused = row.report().partner();
                }
                if (row != null) {
                    long first = slots.addIfAbsent(slot(row), number);
                    if (first != 0) {
                        fault.accept(new Violation("row " + number, "repeats row " + first
                                + " (same indicator, period, partner and category)"));
                    } else if (faults[0] == 0 && refused == null) {
                        sink.accept(row);
                    }
                }
                if (rows % 10_000 == 0) {
                    progress.accept(rows);
                }
            }
        } catch (Csv.MalformedCsv e) {
            fault.accept(new Violation("row " + e.row(), e.getMessage()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        progress.accept(rows);
        if (rows == 0 && faults[0] == 0) {
            fault.accept(new Violation("row 2", "the file has a header but no values"));
        }
        return new Check(rows, faults[0], violations, refused);
    }

    /** The slot a row fills, as one number: two rows with the same slot have the same number. */
    private static long slot(Row row) {
        long h = SlotSet.mix(0x9E3779B97F4A7C15L, row.indicator().id());
        h = SlotSet.mix(h, row.partner().id());
        h = SlotSet.text(h, row.report().period());
        h = SlotSet.text(h, row.report().dimensionKey().toLowerCase(Locale.ROOT));
        return SlotSet.text(h, row.report().categoryKey().toLowerCase(Locale.ROOT));
    }

    /** The header: where each column is, and how many fields every row has. */
    private record Header(Map<String, Integer> index, int width) {
    }

    /** The header, or null (with the faults reported) when it is not usable. */
    private static Header header(Csv.Reader reader, Consumer<Violation> fault) throws IOException {
        List<String> header = reader.next();
        if (header == null) {
            fault.accept(new Violation("row 1", "the file is empty; the first row must name the columns "
                    + String.join(",", COLUMNS)));
            return null;
        }
        String separator = otherSeparator(header);
        if (separator != null) {
            fault.accept(new Violation("row 1", "the columns are separated by " + separator + ", not by commas; save "
                    + "the file as comma-separated values (in a spreadsheet: \"CSV UTF-8 (comma delimited)\")"));
            return null;
        }
        Map<String, Integer> index = new HashMap<>();
        boolean usable = true;
        for (int c = 0; c < header.size(); c++) {
            String name = header.get(c).strip().toLowerCase(Locale.ROOT);
            if (!COLUMNS.contains(name)) {
                fault.accept(new Violation("row 1, column " + (c + 1), "unknown column '" + header.get(c)
                        + "'; the columns are " + String.join(",", COLUMNS)));
                usable = false;
            } else if (index.putIfAbsent(name, c) != null) {
                fault.accept(new Violation("row 1, column " + (c + 1), "column '" + name + "' appears twice"));
                usable = false;
            }
        }
        for (String required : REQUIRED) {
            if (!index.containsKey(required)) {
                fault.accept(new Violation("row 1", "missing column '" + required + "'"));
                usable = false;
            }
        }
        return usable ? new Header(index, header.size()) : null;
    }

    /**
     * How the header's columns are separated when it is not by commas (a spreadsheet set to a language that writes
     * decimal commas saves with semicolons), or null: the whole header is one field that starts with a column name.
     */
    private static String otherSeparator(List<String> header) {
        if (header.size() != 1) {
            return null;
        }
        for (String separator : List.of(";", "\t", "|")) {
            String first = header.get(0).split(java.util.regex.Pattern.quote(separator), 2)[0];
            if (header.get(0).contains(separator) && COLUMNS.contains(first.strip().toLowerCase(Locale.ROOT))) {
                return separator.equals("\t") ? "tabs" : "'" + separator + "'";
            }
        }
        return null;
    }

    /** One record as a row to store, or null with its faults reported. */
    private Row row(List<String> record, Header header, int number, Consumer<Violation> fault) {
        String where = "row " + number + ", column ";
        if (record.size() != header.width()) {
            fault.accept(new Violation("row " + number, "has " + record.size() + " fields, the header has "
                    + header.width()));
            return null;
        }
        Map<String, Integer> index = header.index();
        Function<String, String> cell = col -> index.containsKey(col) ? record.get(index.get(col)).strip() : "";
        boolean ok = true;
        Optional<Indicator> indicator = Optional.empty();
        String indicatorRef = cell.apply("indicator");
        if (indicatorRef.isEmpty()) {
            fault.accept(new Violation(where + "indicator", "is empty"));
            ok = false;
        } else {
            indicator = lookup.apply(indicatorRef);
            if (indicator.isEmpty()) {
                fault.accept(new Violation(where + "indicator", "no indicator '" + indicatorRef
                        + "' in this initiative (give its id or exact name)"));
                ok = false;
            }
        }
        String period = cell.apply("period");
        if (period.isEmpty()) {
            fault.accept(new Violation(where + "period", "is empty"));
            ok = false;
        } else if (indicator.isPresent()) {
            Optional<String> refused = indicator.get().reportingPeriod().reportingRefusal(period, today);
            if (refused.isPresent()) {
                fault.accept(new Violation(where + "period", refused.get()));
                ok = false;
            }
        }
        String partner = cell.apply("partner");
        Optional<Organisation> organisation = Optional.empty();
        if (partner.isEmpty()) {
            fault.accept(new Violation(where + "partner", "is empty"));
            ok = false;
        } else if (partner.length() > 200) {
            fault.accept(new Violation(where + "partner", "is longer than 200 characters"));
            ok = false;
        } else {
            organisation = partners.apply(partner);
            if (organisation.isEmpty()) {
                fault.accept(new Violation(where + "partner", OrganisationRegistry.unknown(partner)));
                ok = false;
            }
        }
        BigDecimal value = value(cell.apply("value"), where, fault);
        if (value != null && indicator.isPresent()) {
            Optional<String> outside = indicator.get().outOfBounds(value);
            if (outside.isPresent()) {
                fault.accept(new Violation(where + "value", "'" + value.toPlainString() + "' " + outside.get()));
                value = null;
            }
        }
        String dimension = cell.apply("dimension");
        String category = cell.apply("category");
        if (dimension.isEmpty() != category.isEmpty()) {
            fault.accept(new Violation(where + (dimension.isEmpty() ? "dimension" : "category"),
                    "dimension and category must be given together, or neither"));
            ok = false;
        } else if (dimension.length() > 100 || category.length() > 100) {
            fault.accept(new Violation(where + (dimension.length() > 100 ? "dimension" : "category"),
                    "is longer than 100 characters"));
            ok = false;
        }
        if (!ok || value == null) {
            return null;
        }
        return new Row(indicator.orElseThrow(), new ValueReport(period, organisation.get().name(), value,
                dimension.isEmpty() ? null : dimension, category.isEmpty() ? null : category), organisation.get());
    }

    private static BigDecimal value(String text, String where, Consumer<Violation> fault) {
        try {
            BigDecimal value = text.length() > 40 ? null : new BigDecimal(text);
            if (value == null || !ValueReport.fitsColumn(value)) {
                fault.accept(new Violation(where + "value", "'" + (text.length() > 40 ? text.substring(0, 40) + "..."
                        : text) + "' " + ValueReport.RANGE));
                return null;
            }
            return value;
        } catch (NumberFormatException e) {
            fault.accept(new Violation(where + "value", text.isEmpty() ? "is empty"
                    : "'" + text + "' is not a number (use a dot for decimals, no thousands separators)"));
            return null;
        }
    }
}
