package org.civicbackbone.measurement.internal;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.civicbackbone.api.audit.AuditLog;
import org.civicbackbone.api.csv.CsvTable;
import org.civicbackbone.api.initiative.InitiativeAccess;
import org.civicbackbone.api.initiative.InitiativeService;
import org.civicbackbone.api.problem.InputValidator;
import org.civicbackbone.api.problem.Problem;
import org.civicbackbone.api.problem.ProblemException;
import org.civicbackbone.api.store.BackboneStore;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The shared measurement function of an initiative: its indicators, the values partners report, progress and
 * aggregation, and CSV import and export. Every call first checks that the initiative exists and uses the function.
 */
@Component(service = SharedMeasurement.class)
public class SharedMeasurement {

    static final String FUNCTION_ID = "shared-measurement";

    /** The overview of the function for an initiative. */
    public record Overview(String initiativeId, int indicators, int onTrack, int offTrack, int targetMet, int noData,
                           List<String> noRecentValues, List<IndicatorStatus> status) {
    }

    /** One indicator with its progress. */
    public record IndicatorStatus(Indicator indicator, Progress progress) {
    }

    private final BackboneStore store;
    private final AuditLog audit;
    private final InitiativeService initiatives;
    private final InputValidator validator;
    private final InitiativeAccess access;
    private final Clock clock;

    @Activate
    public SharedMeasurement(@Reference BackboneStore store, @Reference AuditLog audit,
                             @Reference InitiativeService initiatives, @Reference InputValidator validator,
                             @Reference InitiativeAccess access) {
        this(store, audit, initiatives, validator, access, Clock.systemDefaultZone());
    }

    SharedMeasurement(BackboneStore store, AuditLog audit, InitiativeService initiatives, InputValidator validator,
                      InitiativeAccess access, Clock clock) {
        this.access = access;
        this.store = store;
        this.audit = audit;
        this.initiatives = initiatives;
        this.validator = validator;
        this.clock = clock;
        store.migrate(MeasurementSchema.MODULE, MeasurementSchema.MIGRATIONS);
    }

    private void require(String initiativeId) {
        initiatives.requireFunction(initiativeId, FUNCTION_ID);
    }

    public Overview overview(String initiativeId) {
        List<IndicatorStatus> all = indicators(initiativeId).stream()
                .map(i -> new IndicatorStatus(i, progress(i))).toList();
        return new Overview(initiativeId, all.size(), count(all, "ON_TRACK"), count(all, "OFF_TRACK"),
                count(all, "TARGET_MET"), count(all, "NO_DATA"),
                all.stream().filter(s -> s.progress().stale()).map(s -> s.indicator().name()).toList(), all);
    }

    private static int count(List<IndicatorStatus> all, String status) {
        return (int) all.stream().filter(s -> s.progress().status().equals(status)).count();
    }

    public List<Indicator> indicators(String initiativeId) {
        require(initiativeId);
        return storedIndicators(initiativeId);
    }

    /** The initiative's indicators whether or not it has the function enabled (their data is kept either way). */
    List<Indicator> storedIndicators(String initiativeId) {
        return store.read(c -> {
            try (PreparedStatement p = c.prepareStatement(SELECT_INDICATOR + " WHERE initiative_id = ? ORDER BY id")) {
                p.setString(1, initiativeId);
                return indicators(p);
            }
        });
    }

    public Indicator indicator(String initiativeId, long indicatorId) {
        require(initiativeId);
        return store.read(c -> find(c, initiativeId, indicatorId)).orElseThrow(() -> new ProblemException(
                Problem.notFound("Initiative '" + initiativeId + "' has no indicator " + indicatorId + ".")));
    }

    /** Finds an indicator by id or by name, case-insensitive. */
    public Optional<Indicator> indicatorByReference(String initiativeId, String reference) {
        require(initiativeId);
        return store.read(c -> lookup(c, initiativeId, reference));
    }

    public Indicator addIndicator(String initiativeId, IndicatorSpec spec, String actor) {
        validator.validate(spec);
        require(initiativeId);
        return insertIndicator(initiativeId, spec, actor);
    }

    /** Adds an indicator without the installed-and-enabled check: for demo data loaded while the module starts. */
    Indicator insertIndicator(String initiativeId, IndicatorSpec spec, String actor) {
        return store.inTransaction(c -> {
            if (lookup(c, initiativeId, spec.name().strip()).isPresent()) {
                throw ProblemException.invalid("name", "an indicator named '" + spec.name().strip()
                        + "' already exists in this initiative");
            }
            try (PreparedStatement p = c.prepareStatement("INSERT INTO sm_indicator (initiative_id, name, definition, "
                    + "unit, direction, aggregation, reporting_period, baseline, baseline_date, target, target_date) "
                    + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", new String[] {"id"})) {
                p.setString(1, initiativeId);
                p.setString(2, spec.name().strip());
                p.setString(3, spec.definition());
                p.setString(4, spec.unit());
                p.setString(5, spec.direction().name());
                p.setString(6, spec.aggregation().name());
                p.setString(7, spec.reportingPeriod().name());
                p.setBigDecimal(8, spec.baseline());
                p.setDate(9, Date.valueOf(spec.baselineDate()));
                p.setBigDecimal(10, spec.target());
                p.setDate(11, Date.valueOf(spec.targetDate()));
                p.executeUpdate();
                long id;
                try (ResultSet keys = p.getGeneratedKeys()) {
                    keys.next();
                    id = keys.getLong(1);
                }
                audit.record(c, actor, initiativeId, MeasurementSchema.MODULE, "indicator.create",
                        "indicator " + id + " '" + spec.name().strip() + "'");
                return find(c, initiativeId, id).orElseThrow();
            }
        });
    }

    /** Who may report for which organisations: a partner of the initiative only for the ones it sits for. */
    public ReportingScope scope(String initiativeId, String login, boolean platformAdmin) {
        return ReportingScope.of(access, initiatives, initiativeId, login, platformAdmin);
    }

    public ReportedValue report(String initiativeId, long indicatorId, ValueReport report, String actor) {
        return report(initiativeId, indicatorId, report, actor, ReportingScope.ANY);
    }

    public ReportedValue report(String initiativeId, long indicatorId, ValueReport report, String actor,
                                ReportingScope scope) {
        validator.validate(report);
        if (!scope.allows(report.partner())) {
            throw scope.refusal("partner", report.partner());
        }
        Indicator indicator = indicator(initiativeId, indicatorId);
        if (!indicator.reportingPeriod().isValid(report.period())) {
            throw ProblemException.invalid("period", "'" + report.period() + "' is not a "
                    + indicator.reportingPeriod().name().toLowerCase(Locale.ROOT) + " ("
                    + indicator.reportingPeriod().format() + ")");
        }
        return store.inTransaction(c -> {
            BigDecimal previous = ValueCorrections.previous(c, indicator, report);
            ReportedValue stored = upsert(c, indicator, report, actor, Instant.now(clock));
            if (previous == null) {
                audit.record(c, actor, initiativeId, MeasurementSchema.MODULE, "value.report", describe(indicator, report));
            } else {
                ValueCorrections.record(c, stored, previous, actor);
                audit.record(c, actor, initiativeId, MeasurementSchema.MODULE, "value.correct", describe(indicator, report)
                        + " (was " + previous.stripTrailingZeros().toPlainString() + ")");
            }
            return stored;
        });
    }

    /** Stores every row of a CSV file in one transaction, or none of them. */
    public int importValues(String initiativeId, String csv, String actor, ReportingScope scope) {
        require(initiativeId);
        return storeValues(initiativeId, csv, actor, scope);
    }

    /** Imports values without the installed-and-enabled check: for demo data loaded while the module starts. */
    int storeValues(String initiativeId, String csv, String actor) {
        return storeValues(initiativeId, csv, actor, ReportingScope.ANY);
    }

    private int storeValues(String initiativeId, String csv, String actor, ReportingScope scope) {
        ValueImport.Result result = store.read(c -> ValueImport.read(csv, ref -> {
            try {
                return lookup(c, initiativeId, ref);
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }));
        if (!result.violations().isEmpty()) {
            throw new ProblemException(Problem.invalid("The file was not imported: " + result.violations().size()
                    + " problem(s) found; nothing was stored.", result.violations()));
        }
        for (ValueImport.Row row : result.rows()) {
            if (!scope.allows(row.report().partner())) {
                throw scope.refusal("partner", row.report().partner());
            }
        }
        Instant now = Instant.now(clock);
        return store.inTransaction(c -> {
            for (ValueImport.Row row : result.rows()) {
                BigDecimal previous = ValueCorrections.previous(c, row.indicator(), row.report());
                ReportedValue stored = upsert(c, row.indicator(), row.report(), actor, now);
                if (previous != null) {
                    ValueCorrections.record(c, stored, previous, actor);
                }
            }
            audit.record(c, actor, initiativeId, MeasurementSchema.MODULE, "value.import",
                    result.rows().size() + " values imported from CSV");
            return result.rows().size();
        });
    }

    /**
     * All values of the initiative as CSV, in the import format. Text cells a spreadsheet would run as a formula
     * ({@code =cmd|...}) are written with a leading apostrophe ({@link CsvTable}).
     */
    public String exportValues(String initiativeId) {
        require(initiativeId);
        return store.read(c -> {
            CsvTable out = new CsvTable(ValueImport.COLUMNS);
            try (PreparedStatement p = c.prepareStatement("SELECT i.name, v.period, v.partner, v.amount, v.dimension, "
                    + "v.category FROM sm_value v JOIN sm_indicator i ON i.id = v.indicator_id "
                    + "WHERE i.initiative_id = ? ORDER BY i.id, v.period, v.partner, v.dimension, v.category")) {
                p.setString(1, initiativeId);
                try (ResultSet r = p.executeQuery()) {
                    while (r.next()) {
                        out.row(r.getString(1), r.getString(2), r.getString(3), r.getBigDecimal(4).stripTrailingZeros(),
                                r.getString(5), r.getString(6));
                    }
                }
            }
            return out.toString();
        });
    }

    public List<ReportedValue> values(String initiativeId, long indicatorId) {
        Indicator indicator = indicator(initiativeId, indicatorId);
        return store.read(c -> values(c, indicator.id()));
    }

    public List<SeriesPoint> series(String initiativeId, long indicatorId, String dimension) {
        Indicator indicator = indicator(initiativeId, indicatorId);
        return Series.of(indicator, store.read(c -> values(c, indicator.id())), dimension);
    }

    public Progress progress(Indicator indicator) {
        List<SeriesPoint> totals = Series.of(indicator, store.read(c -> values(c, indicator.id())), null);
        return Progress.of(indicator, totals, LocalDate.now(clock));
    }

    /** Whether the demo values were already loaded for an initiative. */
    boolean demoLoaded(Connection c, String initiativeId) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("SELECT 1 FROM sm_demo_loaded WHERE initiative_id = ?")) {
            p.setString(1, initiativeId);
            try (ResultSet r = p.executeQuery()) {
                return r.next();
            }
        }
    }

    BackboneStore store() {
        return store;
    }

    private static String describe(Indicator indicator, ValueReport report) {
        return "indicator " + indicator.id() + " " + report.period() + " " + report.partner()
                + (report.dimensionKey().isEmpty() ? "" : " [" + report.dimensionKey() + ": " + report.categoryKey() + "]")
                + " = " + report.value().toPlainString();
    }

    /** Every correction of the indicator's values, oldest first. */
    public List<ValueCorrections.Correction> corrections(String initiativeId, long indicatorId) {
        Indicator indicator = indicator(initiativeId, indicatorId);
        return store.read(c -> ValueCorrections.of(c, indicator.id()));
    }

    private static ReportedValue upsert(Connection c, Indicator indicator, ValueReport report, String actor,
                                        Instant now) throws SQLException {
        // update the slot's value, or add it: plain SQL that H2 and PostgreSQL both run
        int updated;
        try (PreparedStatement p = c.prepareStatement("UPDATE sm_value SET amount = ?, reported_by = ?, reported_at = ? "
                + "WHERE indicator_id = ? AND period = ? AND partner = ? AND dimension = ? AND category = ?")) {
            p.setBigDecimal(1, report.value());
            p.setString(2, actor);
            p.setTimestamp(3, Timestamp.from(now));
            p.setLong(4, indicator.id());
            p.setString(5, report.period());
            p.setString(6, report.partner().strip());
            p.setString(7, report.dimensionKey());
            p.setString(8, report.categoryKey());
            updated = p.executeUpdate();
        }
        if (updated == 0) {
            try (PreparedStatement p = c.prepareStatement("INSERT INTO sm_value (indicator_id, period, partner, "
                    + "dimension, category, amount, reported_by, reported_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
                p.setLong(1, indicator.id());
                p.setString(2, report.period());
                p.setString(3, report.partner().strip());
                p.setString(4, report.dimensionKey());
                p.setString(5, report.categoryKey());
                p.setBigDecimal(6, report.value());
                p.setString(7, actor);
                p.setTimestamp(8, Timestamp.from(now));
                p.executeUpdate();
            }
        }
        return values(c, indicator.id()).stream()
                .filter(v -> v.period().equals(report.period()) && v.partner().equals(report.partner().strip())
                        && v.dimension().equals(report.dimensionKey()) && v.category().equals(report.categoryKey()))
                .findFirst().orElseThrow();
    }

    private static List<ReportedValue> values(Connection c, long indicatorId) throws SQLException {
        List<ReportedValue> values = new ArrayList<>();
        try (PreparedStatement p = c.prepareStatement("SELECT id, period, partner, dimension, category, amount, "
                + "reported_by, reported_at FROM sm_value WHERE indicator_id = ? "
                + "ORDER BY period, partner, dimension, category")) {
            p.setLong(1, indicatorId);
            try (ResultSet r = p.executeQuery()) {
                while (r.next()) {
                    values.add(new ReportedValue(r.getLong(1), indicatorId, r.getString(2), r.getString(3),
                            r.getString(4), r.getString(5), r.getBigDecimal(6).stripTrailingZeros(), r.getString(7),
                            r.getTimestamp(8).toInstant()));
                }
            }
        }
        return values;
    }

    private static final String SELECT_INDICATOR = "SELECT id, initiative_id, name, definition, unit, direction, "
            + "aggregation, reporting_period, baseline, baseline_date, target, target_date FROM sm_indicator";

    private static Optional<Indicator> find(Connection c, String initiativeId, long id) throws SQLException {
        try (PreparedStatement p = c.prepareStatement(SELECT_INDICATOR + " WHERE initiative_id = ? AND id = ?")) {
            p.setString(1, initiativeId);
            p.setLong(2, id);
            return indicators(p).stream().findFirst();
        }
    }

    private static Optional<Indicator> lookup(Connection c, String initiativeId, String reference) throws SQLException {
        if (reference.matches("\\d{1,18}")) {
            Optional<Indicator> byId = find(c, initiativeId, Long.parseLong(reference));
            if (byId.isPresent()) {
                return byId;
            }
        }
        try (PreparedStatement p = c.prepareStatement(SELECT_INDICATOR
                + " WHERE initiative_id = ? AND LOWER(name) = LOWER(?)")) {
            p.setString(1, initiativeId);
            p.setString(2, reference.strip());
            return indicators(p).stream().findFirst();
        }
    }

    private static List<Indicator> indicators(PreparedStatement p) throws SQLException {
        List<Indicator> list = new ArrayList<>();
        try (ResultSet r = p.executeQuery()) {
            while (r.next()) {
                list.add(new Indicator(r.getLong(1), r.getString(2), r.getString(3), r.getString(4), r.getString(5),
                        Direction.valueOf(r.getString(6)), Aggregation.valueOf(r.getString(7)),
                        PeriodType.valueOf(r.getString(8)), r.getBigDecimal(9).stripTrailingZeros(),
                        r.getDate(10).toLocalDate(), r.getBigDecimal(11).stripTrailingZeros(),
                        r.getDate(12).toLocalDate()));
            }
        }
        return list;
    }
}
