package org.civicbackbone.measurement.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.civicbackbone.api.initiative.Organisation;
import org.civicbackbone.api.problem.Violation;

/**
 * Reads a CSV file of values into reports, all or nothing: every fault of every row is collected, with its row
 * (the header is row 1), column and reason, and if there is any the file is refused whole.
 */
public final class ValueImport {

    /** The columns, in the order export writes them. */
    public static final List<String> COLUMNS = List.of("indicator", "period", "partner", "value", "dimension", "category");
    private static final List<String> REQUIRED = COLUMNS.subList(0, 4);
    private static final int MAX_REPORTED = 100;

    /** A value to store for an indicator, in the name of a registered organisation. */
    public record Row(Indicator indicator, ValueReport report, Organisation partner) {
    }

    /** The outcome: rows to store, or the faults that refuse the file. */
    public record Result(List<Row> rows, List<Violation> violations) {
    }

    private ValueImport() {
    }

    /**
     * Parses and checks the file. Indicators are named by id or by name (case-insensitive) through
     * {@code lookup}; partners by a name or alias of the initiative's organisation registry through {@code partners}.
     */
    public static Result read(String csv, Function<String, Optional<Indicator>> lookup,
                              Function<String, Optional<Organisation>> partners) {
        List<List<String>> records;
        try {
            records = Csv.parse(csv);
        } catch (Csv.MalformedCsv e) {
            return refused(new Violation("row " + e.row(), e.getMessage()));
        }
        if (records.isEmpty()) {
            return refused(new Violation("row 1", "the file is empty; the first row must name the columns "
                    + String.join(",", COLUMNS)));
        }
        Map<String, Integer> index = new HashMap<>();
        List<Violation> violations = new ArrayList<>();
        List<String> header = records.get(0);
        for (int c = 0; c < header.size(); c++) {
            String name = header.get(c).strip().toLowerCase(Locale.ROOT);
            if (!COLUMNS.contains(name)) {
                violations.add(new Violation("row 1, column " + (c + 1), "unknown column '" + header.get(c)
                        + "'; the columns are " + String.join(",", COLUMNS)));
            } else if (index.putIfAbsent(name, c) != null) {
                violations.add(new Violation("row 1, column " + (c + 1), "column '" + name + "' appears twice"));
            }
        }
        for (String required : REQUIRED) {
            if (!index.containsKey(required)) {
                violations.add(new Violation("row 1", "missing column '" + required + "'"));
            }
        }
        if (!violations.isEmpty()) {
            return new Result(List.of(), violations);
        }
        if (records.size() == 1) {
            return refused(new Violation("row 2", "the file has a header but no values"));
        }
        List<Row> rows = new ArrayList<>();
        Map<String, Integer> slots = new HashMap<>();
        for (int r = 1; r < records.size() && violations.size() < MAX_REPORTED; r++) {
            List<String> record = records.get(r);
            String where = "row " + (r + 1) + ", column ";
            if (record.size() != header.size()) {
                violations.add(new Violation("row " + (r + 1), "has " + record.size() + " fields, the header has "
                        + header.size()));
                continue;
            }
            Function<String, String> cell = col -> index.containsKey(col) ? record.get(index.get(col)).strip() : "";
            int before = violations.size();
            Optional<Indicator> indicator = Optional.empty();
            String indicatorRef = cell.apply("indicator");
            if (indicatorRef.isEmpty()) {
                violations.add(new Violation(where + "indicator", "is empty"));
            } else {
                indicator = lookup.apply(indicatorRef);
                if (indicator.isEmpty()) {
                    violations.add(new Violation(where + "indicator", "no indicator '" + indicatorRef
                            + "' in this initiative (give its id or exact name)"));
                }
            }
            String period = cell.apply("period");
            if (period.isEmpty()) {
                violations.add(new Violation(where + "period", "is empty"));
            } else if (indicator.isPresent() && !indicator.get().reportingPeriod().isValid(period)) {
                violations.add(new Violation(where + "period", "'" + period + "' is not a "
                        + indicator.get().reportingPeriod().name().toLowerCase(Locale.ROOT) + " ("
                        + indicator.get().reportingPeriod().format() + ")"));
            }
            String partner = cell.apply("partner");
            if (partner.isEmpty()) {
                violations.add(new Violation(where + "partner", "is empty"));
            } else if (partner.length() > 200) {
                violations.add(new Violation(where + "partner", "is longer than 200 characters"));
            }
            Optional<Organisation> organisation = partner.isEmpty() || partner.length() > 200 ? Optional.empty()
                    : partners.apply(partner);
            if (!partner.isEmpty() && partner.length() <= 200 && organisation.isEmpty()) {
                violations.add(new Violation(where + "partner", Partners.unknown(partner)));
            }
            BigDecimal value = null;
            String text = cell.apply("value");
            try {
                value = text.length() > 40 ? null : new BigDecimal(text);
                if (value == null || !ValueReport.fitsColumn(value)) {
                    violations.add(new Violation(where + "value", "'" + (text.length() > 40 ? text.substring(0, 40) + "..."
                            : text) + "' " + ValueReport.RANGE));
                    value = null;
                }
            } catch (NumberFormatException e) {
                violations.add(new Violation(where + "value", text.isEmpty() ? "is empty"
                        : "'" + text + "' is not a number (use a dot for decimals, no thousands separators)"));
            }
            String dimension = cell.apply("dimension");
            String category = cell.apply("category");
            if (dimension.isEmpty() != category.isEmpty()) {
                violations.add(new Violation(where + (dimension.isEmpty() ? "dimension" : "category"),
                        "dimension and category must be given together, or neither"));
            }
            if (violations.size() == before) {
                String slot = indicator.get().id() + "|" + period + "|" + organisation.get().id() + "|"
                        + dimension.toLowerCase(Locale.ROOT) + "|" + category.toLowerCase(Locale.ROOT);
                Integer first = slots.putIfAbsent(slot, r + 1);
                if (first != null) {
                    violations.add(new Violation("row " + (r + 1), "repeats row " + first
                            + " (same indicator, period, partner and category)"));
                    continue;
                }
                rows.add(new Row(indicator.orElseThrow(), new ValueReport(period, organisation.get().name(), value,
                        dimension.isEmpty() ? null : dimension, category.isEmpty() ? null : category),
                        organisation.get()));
            }
        }
        return violations.isEmpty() ? new Result(rows, List.of()) : new Result(List.of(), violations);
    }

    private static Result refused(Violation violation) {
        return new Result(List.of(), List.of(violation));
    }
}
