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
 * a slot already holding a value keeps it as a correction and is updated; the others are inserted. The values an
 * indicator held when the import began are read once, as slot numbers with their ids ({@link SlotSet}, 16 bytes a
 * value), so each replacement is an update by primary key, never a look-up by slot per row; an indicator that had no
 * value gets only inserts. Each indicator's row is locked first, so single reports of its values wait for the import.
 */
final class ImportBatches {

    static final int SIZE = 1000;

    private final ImportRecords records;
    private final String actor;
    private final Instant at;
    private final IntConsumer progress;
    private final Map<Long, Boolean> hadValues = new HashMap<>();
    private final SlotSet held = new SlotSet();
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
            if (records.anyValue(id) == null) {
                return false;
            }
            records.heldSlots(id, found -> {
                ImportRecords.HeldSlot value = found.getResultObject();
                held.addIfAbsent(new Slot(id, value.period(), value.partner(), value.dimension(), value.category())
                        .number(), value.id());
            });
            return true;
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
        for (ValueImport.Row row : pending) {
            Slot slot = slot(row);
            boolean hadValues = this.hadValues.get(slot.indicatorId());
            long heldBy = hadValues ? held.get(slot.number()) : 0;
            if (heldBy != 0) {
                records.keepCorrection(heldBy, row.report().value(), actor, at);
                records.replace(heldBy, slot, row.report().value(), actor, at, row.partner().id());
                continue;
            }
            records.insertValue(slot, row.report().value(), actor, at, row.partner().id());
            if (!hadValues) { // the others' roll-ups are computed again from their values
                rollups.merge(new RollupRecords.Key(slot.indicatorId(), slot.period(), slot.dimension(),
                        slot.category()), new RollupRecords.Rollup(null, null, null, 1, row.report().value()),
                        (a, b) -> new RollupRecords.Rollup(null, null, null, a.partners() + b.partners(),
                                a.total().add(b.total())));
            }
        }
        requireEveryReplacement(records.flush());
        stored += pending.size();
        pending.clear();
        progress.accept(stored);
    }

    /** Fails the import (it rolls back) if a replacement matched no row: two slots that share a number. */
    private static void requireEveryReplacement(List<BatchResult> results) {
        for (BatchResult result : results) {
            if (result.getMappedStatement().getId().endsWith(".replace")) {
                for (int count : result.getUpdateCounts()) {
                    if (count == 0) {
                        throw new IllegalStateException("Two slots of the import share a slot number; nothing was "
                                + "stored. Import the file in two parts.");
                    }
                }
            }
        }
    }
}
