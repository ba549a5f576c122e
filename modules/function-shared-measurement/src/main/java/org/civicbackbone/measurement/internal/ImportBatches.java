package org.civicbackbone.measurement.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntConsumer;
import org.apache.ibatis.executor.BatchResult;
import org.civicbackbone.measurement.internal.ImportRecords.Slot;

/**
 * Writes the rows of an import in batches of {@value #SIZE} on one transaction's batch mapper. A row fills its slot:
 * a slot already holding a value keeps it as a correction and is updated; the others are inserted. Every statement is
 * a lookup by the slot's unique index, sent a batch at a time; an indicator that had no value when the import began
 * gets only inserts. Each indicator's row is locked first, so single reports of its values wait for the import.
 */
final class ImportBatches {

    static final int SIZE = 1000;

    private final ImportRecords records;
    private final String actor;
    private final Instant at;
    private final IntConsumer progress;
    private final Map<Long, Boolean> hadValues = new HashMap<>();
    private final List<ValueImport.Row> pending = new ArrayList<>(SIZE);
    private final Map<RollupRecords.Key, RollupRecords.Rollup> rollups = new HashMap<>();
    private int stored;

    ImportBatches(ImportRecords records, String actor, Instant at, IntConsumer progress) {
        this.records = records;
        this.actor = actor;
        this.at = at;
        this.progress = progress;
    }

    void add(ValueImport.Row row) {
        hadValues.computeIfAbsent(row.indicator().id(), id -> {
            records.lockIndicator(id);
            return records.anyValue(id) != null;
        });
        pending.add(row);
        if (pending.size() == SIZE) {
            write();
        }
    }

    /** The indicators that had values when the import began: their roll-ups are computed again from the values. */
    Set<Long> corrected() {
        Set<Long> ids = new HashSet<>();
        hadValues.forEach((id, had) -> {
            if (had) {
                ids.add(id);
            }
        });
        return ids;
    }

    /** What the rows of the other indicators (all new values) add to their roll-ups. */
    Map<RollupRecords.Key, RollupRecords.Rollup> rollups() {
        return rollups;
    }

    /** Writes what is pending and sends every statement; returns the rows stored in all. */
    int finish() {
        write();
        records.flush();
        return stored;
    }

    private static Slot slot(ValueImport.Row row) {
        return new Slot(row.indicator().id(), row.report().period(), row.report().partner().strip(),
                row.report().dimensionKey(), row.report().categoryKey());
    }

    private void write() {
        if (pending.isEmpty()) {
            return;
        }
        // slots of indicators that had values may hold one: keep it as corrected, replace it, and insert the rest
        List<ValueImport.Row> maybeStored = pending.stream().filter(r -> hadValues.get(r.indicator().id())).toList();
        for (ValueImport.Row row : maybeStored) {
            records.keepCorrection(slot(row), row.report().value(), actor, at);
        }
        for (ValueImport.Row row : maybeStored) {
            records.updateSlot(slot(row), row.report().value(), actor, at, row.partner().id());
        }
        int[] updated = maybeStored.isEmpty() ? new int[0] : updateCounts(records.flush());
        int next = 0;
        for (ValueImport.Row row : pending) {
            boolean replaced = hadValues.get(row.indicator().id()) && updated[next++] > 0;
            if (!replaced) {
                Slot slot = slot(row);
                records.insertValue(slot, row.report().value(), actor, at, row.partner().id());
                if (!hadValues.get(row.indicator().id())) {
                    rollups.merge(new RollupRecords.Key(slot.indicatorId(), slot.period(), slot.dimension(),
                            slot.category()), new RollupRecords.Rollup(null, null, null, 1, row.report().value()),
                            (a, b) -> new RollupRecords.Rollup(null, null, null, a.partners() + b.partners(),
                                    a.total().add(b.total())));
                }
            }
        }
        records.flush();
        stored += pending.size();
        pending.clear();
        progress.accept(stored);
    }

    /** The update counts of the last statement sent: the slot updates. */
    private static int[] updateCounts(List<BatchResult> results) {
        return results.get(results.size() - 1).getUpdateCounts();
    }
}
