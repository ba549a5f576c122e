package org.civicbackbone.measurement.internal;

import java.io.StringReader;
import java.sql.Connection;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.civicbackbone.api.audit.AuditLog;
import org.civicbackbone.api.csv.CsvTable;
import org.civicbackbone.api.initiative.InitiativeAccess;
import org.civicbackbone.api.initiative.InitiativeService;
import org.civicbackbone.api.initiative.Organisation;
import org.civicbackbone.api.initiative.OrganisationRegistry;
import org.civicbackbone.api.initiative.SameName;
import org.civicbackbone.api.module.FunctionDescriptor;
import org.civicbackbone.api.module.FunctionKind;
import org.civicbackbone.api.module.FunctionRules;
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
public class SharedMeasurement extends FunctionRules {

    static final String FUNCTION_ID = "shared-measurement";

    /** What the function says about itself: the platform lists it by this. */
    static final FunctionDescriptor DESCRIPTOR = new FunctionDescriptor(FUNCTION_ID, "Shared measurement", FunctionKind.SHARED_MEASUREMENT,
            "Shared indicators with baselines and targets, values reported by partners per period, progress "
            + "toward targets, and CSV import and export.");

    /** The overview of the function for an initiative. */
    public record Overview(String initiativeId, int indicators, int onTrack, int offTrack, int targetMet, int noData,
                           List<String> noRecentValues, List<IndicatorStatus> status) {
    }

    /** One indicator with its progress. */
    public record IndicatorStatus(Indicator indicator, Progress progress) {
    }

    private final InitiativeAccess access;
    private final OrganisationRegistry organisations;
    private final Clock clock;
    private final ValueWrites values;
    private final IndicatorDefinitions definitions;

    @Activate
    public SharedMeasurement(@Reference BackboneStore store, @Reference AuditLog audit,
                             @Reference InitiativeService initiatives, @Reference InputValidator validator,
                             @Reference InitiativeAccess access, @Reference OrganisationRegistry organisations) {
        this(store, audit, initiatives, validator, access, organisations, Clock.systemDefaultZone());
    }

    SharedMeasurement(BackboneStore store, AuditLog audit, InitiativeService initiatives, InputValidator validator,
                      InitiativeAccess access, OrganisationRegistry organisations, Clock clock) {
        super(DESCRIPTOR, MeasurementSchema.MODULE, MeasurementSchema.MIGRATIONS, store, audit, initiatives, validator);
        this.access = access;
        this.organisations = organisations;
        this.clock = clock;
        this.values = new ValueWrites(store, audit, organisations, clock);
        this.definitions = new IndicatorDefinitions(store, audit);
    }

    /** The check of {@link #requireInUse}, for the module's imports and resource. */
    void require(String initiativeId) {
        requireInUse(initiativeId);
    }

    /** The overview: two queries on one connection, however many indicators (their totals in one). */
    public Overview overview(String initiativeId) {
        requireInUse(initiativeId);
        List<IndicatorStatus> all = statusOf(List.of(initiativeId)).getOrDefault(initiativeId, List.of());
        return new Overview(initiativeId, all.size(), count(all, "ON_TRACK"), count(all, "OFF_TRACK"),
                count(all, "TARGET_MET"), count(all, "NO_DATA"),
                all.stream().filter(s -> s.progress().stale()).map(s -> s.indicator().name()).toList(), all);
    }

    /** Each indicator's progress in these initiatives (each using the function), by initiative: two queries. */
    public Map<String, List<IndicatorStatus>> statusOf(java.util.Collection<String> initiativeIds) {
        LocalDate today = LocalDate.now(clock);
        String[] ids = initiativeIds.stream().distinct().toArray(String[]::new);
        boolean one = ids.length == 1; // by equality: on PostgreSQL half the time of several (RollupRecords)
        return store.read(c -> {
            Map<Long, List<RollupRecords.Rollup>> totals = new HashMap<>();
            for (RollupRecords.IndicatorTotal total : one ? rollups(c).initiativeTotals(ids[0])
                    : rollups(c).initiativesTotals(ids)) {
                totals.computeIfAbsent(total.indicatorId(), k -> new ArrayList<>()).add(total.rollup());
            }
            Map<String, List<IndicatorStatus>> status = new java.util.LinkedHashMap<>();
            for (Indicator i : one ? records(c).indicators(ids[0]) : records(c).indicatorsOf(ids)) {
                status.computeIfAbsent(i.initiativeId(), k -> new ArrayList<>()).add(new IndicatorStatus(i,
                        Progress.of(i, Series.ofRollups(i, totals.getOrDefault(i.id(), List.of()), null), today)));
            }
            return status;
        });
    }

    private static int count(List<IndicatorStatus> all, String status) {
        return (int) all.stream().filter(s -> s.progress().status().equals(status)).count();
    }

    public List<Indicator> indicators(String initiativeId) {
        requireInUse(initiativeId);
        return storedIndicators(initiativeId);
    }

    /** The initiative's indicators whether or not it has the function enabled (their data is kept either way). */
    List<Indicator> storedIndicators(String initiativeId) {
        return store.read(c -> records(c).indicators(initiativeId));
    }

    public Indicator indicator(String initiativeId, long indicatorId) {
        requireInUse(initiativeId);
        return store.read(c -> find(c, initiativeId, indicatorId)).orElseThrow(() -> new ProblemException(
                Problem.notFound("Initiative '" + initiativeId + "' has no indicator " + indicatorId + ".")));
    }

    public Indicator addIndicator(String initiativeId, IndicatorSpec spec, String actor) {
        validator.validate(spec);
        ProblemException.refuseIfAny(spec.faults());
        requireInUse(initiativeId);
        return insertIndicator(initiativeId, spec, actor);
    }

    /** Adds an indicator without the installed-and-enabled check: for demo data loaded while the module starts. */
    Indicator insertIndicator(String initiativeId, IndicatorSpec spec, String actor) {
        return definitions.define(initiativeId, spec, actor);
    }

    /**
     * Changes an indicator's definition (name, targets, bounds...); the values reported stay, and must suit it
     * ({@link IndicatorDefinitions#redefine}).
     */
    public Indicator updateIndicator(String initiativeId, long indicatorId, IndicatorSpec spec, String actor) {
        validator.validate(spec);
        ProblemException.refuseIfAny(spec.faults());
        requireInUse(initiativeId);
        return definitions.redefine(initiativeId, indicatorId, spec, actor);
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
        Indicator indicator = indicator(initiativeId, indicatorId);
        Optional<Organisation> partner = partners(initiativeId).resolve(report.partner());
        ProblemException.refuseIfAny(report.faults(indicator, partner));
        return values.report(initiativeId, indicator, report, partner.get(), scope, actor);
    }

    /** Stores every row of a CSV file in one transaction, or none of them. */
    public int importValues(String initiativeId, String csv, String actor, ReportingScope scope) {
        requireInUse(initiativeId);
        return importFile(initiativeId, () -> new StringReader(csv), actor, scope, ImportProgress.NONE);
    }

    /** Imports values without the installed-and-enabled check: for demo data loaded while the module starts. */
    int storeValues(String initiativeId, String csv, String actor) {
        return importFile(initiativeId, () -> new StringReader(csv), actor, ReportingScope.ANY, ImportProgress.NONE);
    }

    /**
     * Imports a file, read once as a stream and stored in one transaction in batches as its rows pass their checks;
     * any fault rolls it back (400 listing the faults by row and column; a partner the uploader may not report for:
     * 403).
     */
    int importFile(String initiativeId, ImportProgress.Source csv, String actor, ReportingScope scope,
                   ImportProgress progress) {
        Map<String, Indicator> indicators = new HashMap<>(); // by id and by name (SameName): the file names them so
        for (Indicator indicator : storedIndicators(initiativeId)) {
            indicators.put(Long.toString(indicator.id()), indicator);
            indicators.putIfAbsent(SameName.key(indicator.name()), indicator);
        }
        Partners partners = partners(initiativeId);
        ValueImport file = new ValueImport(ref -> Optional.ofNullable(indicators.get(SameName.key(ref))),
                partners::resolve);
        return values.importFile(initiativeId, file, csv, scope, actor, progress);
    }

    /**
     * All values of the initiative as CSV, in the import format. Text cells a spreadsheet would run as a formula
     * ({@code =cmd|...}) are written with a leading apostrophe ({@link CsvTable}).
     */
    public String exportValues(String initiativeId) {
        requireInUse(initiativeId);
        return store.read(c -> {
            CsvTable out = new CsvTable(ValueImport.COLUMNS);
            records(c).export(initiativeId).forEach(v -> out.row(v.name(), v.period(), v.partner(),
                    v.amount().stripTrailingZeros(), v.dimension(), v.category()));
            return out.toString();
        });
    }

    public List<ReportedValue> values(String initiativeId, long indicatorId) {
        Indicator indicator = indicator(initiativeId, indicatorId);
        return store.read(c -> values(c, indicator.id()));
    }

    /** The series in total, or by a dimension the indicator's values are broken down by (another is a 400). */
    public List<SeriesPoint> series(String initiativeId, long indicatorId, String dimension) {
        Indicator indicator = indicator(initiativeId, indicatorId);
        return Series.ofRollups(indicator, store.read(c -> dimension == null ? rollups(c).totals(indicator.id())
                : rollups(c).byKnownDimension(indicator.id(), dimension)), dimension);
    }

    /** The indicator's progress, from its roll-ups: one row a period, however many values. */
    public Progress progress(Indicator indicator) {
        List<SeriesPoint> totals = Series.ofRollups(indicator, store.read(c -> rollups(c).totals(indicator.id())), null);
        return Progress.of(indicator, totals, LocalDate.now(clock));
    }

    private RollupRecords rollups(Connection c) {
        return store.mapper(c, RollupRecords.class);
    }

    private MeasurementRecords records(Connection c) {
        return store.mapper(c, MeasurementRecords.class);
    }

    /** Every correction of the indicator's values, oldest first. */
    public List<CorrectionRecords.Correction> corrections(String initiativeId, long indicatorId) {
        Indicator indicator = indicator(initiativeId, indicatorId);
        return store.read(c -> store.mapper(c, CorrectionRecords.class).of(indicator.id()));
    }

    /** The initiative's organisation registry, for matching partners' names and aliases. */
    private Partners partners(String initiativeId) {
        return new Partners(organisations.organisations(initiativeId));
    }

    private List<ReportedValue> values(Connection c, long indicatorId) {
        return records(c).values(indicatorId);
    }

    private Optional<Indicator> find(Connection c, String initiativeId, long id) {
        return Optional.ofNullable(records(c).indicator(initiativeId, id));
    }
}
