package org.civicbackbone.measurement.internal;

import java.math.BigDecimal;
import java.sql.Connection;
import java.time.Clock;
import java.time.Instant;
import org.civicbackbone.api.audit.AuditLog;
import org.civicbackbone.api.initiative.Organisation;
import org.civicbackbone.api.store.BackboneStore;

/**
 * Writes reported values: each slot (indicator, period, partner, disaggregation category) holds one value; reporting
 * it again replaces the value and keeps the correction, in the same transaction. Values are stored in the name of the
 * partner's registry record.
 */
record ValueWrites(BackboneStore store, AuditLog audit, Clock clock) {

    /** Stores one checked report, audited as a report or as the correction it is. */
    ReportedValue report(String initiativeId, Indicator indicator, ValueReport report, Organisation partner,
                         String actor) {
        return store.inTransaction(c -> {
            store.mapper(c, ImportRecords.class).lockIndicator(indicator.id()); // an import of its values goes first
            CorrectionRecords corrections = store.mapper(c, CorrectionRecords.class);
            BigDecimal previous = corrections.previous(indicator, report);
            ReportedValue stored = upsert(c, indicator, report, partner, actor, Instant.now(clock));
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

    /** Stores every row of a checked file in one transaction, or none of them, in batches. */
    int importFile(String initiativeId, ValueImport file, ImportProgress.Source csv, String actor,
                   ImportProgress progress) {
        Instant now = Instant.now(clock);
        return store.inTransaction(c -> {
            ImportBatches batches = new ImportBatches(store.batchMapper(c, ImportRecords.class), actor, now,
                    progress::stored);
            file.rows(csv.open(), batches::add);
            int stored = batches.finish();
            RollupRecords rollups = store.mapper(c, RollupRecords.class);
            batches.corrected().forEach(rollups::recompute);
            store.batchMapper(c, RollupRecords.class).insertAll(batches.rollups());
            audit.record(c, actor, initiativeId, MeasurementSchema.MODULE, "value.import",
                    stored + " values imported from CSV");
            progress.committing(c);
            return stored;
        });
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
