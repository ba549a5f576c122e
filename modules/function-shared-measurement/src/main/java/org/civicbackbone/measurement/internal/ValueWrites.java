package org.civicbackbone.measurement.internal;

import java.math.BigDecimal;
import java.sql.Connection;
import java.time.Clock;
import java.time.Instant;
import org.civicbackbone.api.audit.AuditLog;
import org.civicbackbone.api.initiative.Organisation;
import org.civicbackbone.api.initiative.OrganisationRegistry;
import org.civicbackbone.api.problem.Problem;
import org.civicbackbone.api.problem.ProblemException;
import org.civicbackbone.api.store.BackboneStore;

/**
 * Writes reported values: each slot (indicator, period, partner, disaggregation category) holds one value; reporting
 * it again replaces the value and keeps the correction, in the same transaction. Values are stored in the name of the
 * partner's registry record.
 */
record ValueWrites(BackboneStore store, AuditLog audit, OrganisationRegistry organisations, Clock clock) {

    /**
     * Stores one checked report, audited as a report or as the correction it is; refused (403) when the partner, as it
     * is in the transaction, is not in the uploader's scope as it is there.
     */
    ReportedValue report(String initiativeId, Indicator indicator, ValueReport checked, Organisation partner,
                         ReportingScope scope, String actor) {
        return store.inTransaction(c -> {
            // an import of its values, or a change of its bounds, goes first; what was checked must still hold
            store.mapper(c, ImportRecords.class).lockIndicator(indicator.id()).requireCheckedBy(indicator);
            ReportingScope allowed = scope.heldIn(id -> organisations.hold(c, initiativeId, id));
            Organisation held = organisations.hold(c, initiativeId, partner.id()); // not merged away meanwhile
            if (!allowed.allows(held)) {
                throw allowed.refusal("partner", checked.partner());
            }
            ValueReport report = checked.inNameOf(held.name()); // stored in the registry's name, as it is now
            CorrectionRecords corrections = store.mapper(c, CorrectionRecords.class);
            BigDecimal previous = corrections.previous(indicator, report);
            ReportedValue stored = upsert(c, indicator, report, held, actor, Instant.now(clock));
            store.mapper(c, RollupRecords.class).change(new RollupRecords.Key(indicator.id(), stored.period(),
                    stored.dimension(), stored.category()), previous == null ? 1 : 0,
                    previous == null ? report.value() : report.value().subtract(previous));
            if (previous == null) {
                audit.record(c, actor, initiativeId, MeasurementSchema.MODULE, "value.report", describe(indicator, report));
            } else {
                corrections.record(stored, previous, actor);
                audit.record(c, actor, initiativeId, MeasurementSchema.MODULE, "value.correct", describe(indicator, report)
                        + " (was " + previous.stripTrailingZeros().toPlainString() + ")");
            }
            return stored;
        });
    }

    /**
     * Reads a file once (on a thread of its own, {@link CheckedRows}) and stores its rows in one transaction, in
     * batches, as they pass their checks; a fault found anywhere in the file, or a partner the uploader may not report
     * for, rolls back what was written.
     */
    int importFile(String initiativeId, ValueImport file, ImportProgress.Source csv, ReportingScope scope,
                   String actor, ImportProgress progress) {
        Instant now = Instant.now(clock);
        return store.inTransaction(c -> {
            // the seats the scope was read from may have moved to an organisation merged into since
            ReportingScope allowed = scope.heldIn(id -> organisations.hold(c, initiativeId, id));
            try (ImportBatches batches = new ImportBatches(c, store.batchMapper(c, ImportRecords.class), actor, now,
                    progress::stored, id -> organisations.hold(c, initiativeId, id).id() == id)) {
                ValueImport.Check check = CheckedRows.read(file, csv.open(), progress::checked, allowed::allows,
                        batches::add);
                requireClean(check, allowed, progress);
                progress.storing(check.rows());
                int stored = batches.finish();
                RollupRecords rollups = store.mapper(c, RollupRecords.class);
                batches.corrected().forEach(rollups::recompute);
                store.batchMapper(c, RollupRecords.class).insertAll(batches.rollups());
                audit.record(c, actor, initiativeId, MeasurementSchema.MODULE, "value.import",
                        stored + " values imported from CSV");
                progress.committing(c);
                return stored;
            }
        });
    }

    /** Throws, so the import's transaction rolls back, unless the whole file passed: faults first, then the scope. */
    private static void requireClean(ValueImport.Check check, ReportingScope scope, ImportProgress progress) {
        if (!check.violations().isEmpty()) {
            progress.refused(check.faults());
            throw new ProblemException(Problem.invalid("The file was not imported: " + check.faults()
                    + " problem(s) found" + (check.faults() > check.violations().size() ? " (the first "
                    + check.violations().size() + " listed)" : "") + "; nothing was stored.", check.violations()));
        }
        if (check.refusedPartner() != null) {
            throw scope.refusal("partner", check.refusedPartner());
        }
    }

    private ReportedValue upsert(Connection c, Indicator indicator, ValueReport report, Organisation organisation,
                                 String actor, Instant now) {
        // update the slot's value, or add it: plain SQL that H2 and PostgreSQL both run
        MeasurementRecords records = store.mapper(c, MeasurementRecords.class);
        String partner = report.partner().strip();
        if (records.updateValue(indicator.id(), report.period(), partner, report.dimensionKey(), report.categoryKey(),
                report.value(), actor, now, organisation.id()) == 0) {
            records.insertValue(indicator.id(), report.period(), partner, report.dimensionKey(), report.categoryKey(),
                    report.value(), actor, now, organisation.id());
        }
        // the slot's own row by its unique index, not all of the indicator's values
        return records.value(indicator.id(), report.period(), partner, report.dimensionKey(), report.categoryKey());
    }

    private static String describe(Indicator indicator, ValueReport report) {
        return "indicator " + indicator.id() + " " + report.period() + " " + report.partner()
                + (report.dimensionKey().isEmpty() ? "" : " [" + report.dimensionKey() + ": " + report.categoryKey() + "]")
                + " = " + report.value().toPlainString();
    }
}
