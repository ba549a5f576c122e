package org.civicbackbone.measurement.internal;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntConsumer;
import java.util.function.LongPredicate;
import org.apache.ibatis.executor.BatchResult;
import org.civicbackbone.api.initiative.Organisation;
import org.civicbackbone.api.problem.Problem;
import org.civicbackbone.api.problem.ProblemException;
import org.civicbackbone.measurement.internal.ImportRecords.Slot;

/**
 * Writes the rows of an import in batches of {@value #SIZE} on one transaction's batch mapper. A row fills its slot:
 * a slot already holding a value keeps it as a correction and is updated; the others are inserted. The values an
 * indicator held when the import began are read once, as slot numbers with their ids ({@link SlotSet}, 16 bytes a
 * value), so each replacement is an update by primary key, never a look-up by slot per row; an indicator that had no
 * value gets only inserts. Each indicator's row is locked first, so single reports of its values wait for the import.
 * <p>
 * New values, nearly every row of a large import, go through one plain JDBC batch statement on the transaction's
 * connection, the one write of a module not made through a mapper (ADR 0009): binding a mapper's nine named
 * parameters cost as much CPU per row as the driver sending the row (a flight recording at a million rows), and the
 * import waits for that CPU between round trips.
 */
final class ImportBatches implements AutoCloseable {

    static final int SIZE = 1000;

    private final ImportRecords records;
    private final PreparedStatement inserts;
    private final String actor;
    private final Instant at;
    private final Timestamp atStamp;
    private final IntConsumer progress;
    private final LongPredicate stillRegistered;
    private final Set<Long> partners = new HashSet<>();
    private final Map<Long, Boolean> hadValues = new HashMap<>();
    private final SlotSet held = new SlotSet();
    private final List<ValueImport.Row> pending = new ArrayList<>(SIZE);
    private final Map<RollupRecords.Key, Sum> rollups = new HashMap<>();
    private int stored;

    /**
     * @param stillRegistered holds a partner's organisation in the import's transaction (so its merge waits for the
     *                        import) and answers whether it is still the one of that id, not merged away since the
     *                        file's names were resolved
     */
    ImportBatches(Connection connection, ImportRecords records, String actor, Instant at, IntConsumer progress,
                  LongPredicate stillRegistered) throws SQLException {
        this.records = records;
        this.stillRegistered = stillRegistered;
        this.inserts = connection.prepareStatement(INSERT);
        this.actor = actor;
        this.at = at;
        this.atStamp = Timestamp.from(at);
        this.progress = progress;
    }

    void add(ValueImport.Row row) {
        Organisation partner = row.partner();
        if (partners.add(partner.id()) && !stillRegistered.test(partner.id())) {
            throw new ProblemException(Problem.conflict("'" + partner.name() + "' was merged into another organisation "
                    + "of the registry while the file was imported; nothing was stored: import the file again."));
        }
        hadValues.computeIfAbsent(row.indicator().id(), id -> {
            records.lockIndicator(id).requireCheckedBy(row.indicator());
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
            try {
                write();
            } catch (SQLException e) {
                throw new IllegalStateException("The values could not be stored: " + e.getMessage(), e);
            }
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
        Map<RollupRecords.Key, RollupRecords.Rollup> sums = new HashMap<>();
        rollups.forEach((key, sum) -> sums.put(key, new RollupRecords.Rollup(null, null, null, sum.partners, sum.total)));
        return sums;
    }

    /** A roll-up being added up: one per period and category, not an object per row. */
    private static final class Sum {
        int partners;
        BigDecimal total = BigDecimal.ZERO;
    }

    /** Writes what is pending and sends every statement; returns the rows stored in all. */
    int finish() throws SQLException {
        write();
        records.flush();
        return stored;
    }

    @Override
    public void close() throws SQLException {
        inserts.close();
    }

    private static Slot slot(ValueImport.Row row) {
        return new Slot(row.indicator().id(), row.report().period(), row.report().partner().strip(),
                row.report().dimensionKey(), row.report().categoryKey());
    }

    private void write() throws SQLException {
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
            insert(slot, row.report().value(), row.partner().id());
            if (!hadValues) { // the others' roll-ups are computed again from their values
                Sum sum = rollups.computeIfAbsent(new RollupRecords.Key(slot.indicatorId(), slot.period(),
                        slot.dimension(), slot.category()), key -> new Sum());
                sum.partners++;
                sum.total = sum.total.add(row.report().value());
            }
        }
        inserts.executeBatch();
        requireEveryReplacement(records.flush());
        stored += pending.size();
        pending.clear();
        progress.accept(stored);
    }

    /** Queues a new value on the insert batch; {@link #write} sends it with the rest of the batch. */
    private void insert(Slot slot, BigDecimal amount, long organisationId) throws SQLException {
        inserts.setLong(1, slot.indicatorId());
        inserts.setString(2, slot.period());
        inserts.setString(3, slot.partner());
        inserts.setString(4, slot.dimension());
        inserts.setString(5, slot.category());
        inserts.setBigDecimal(6, amount);
        inserts.setString(7, actor);
        inserts.setTimestamp(8, atStamp);
        inserts.setLong(9, organisationId);
        inserts.addBatch();
    }

    private static final String INSERT = "INSERT INTO sm_value (indicator_id, period, partner, dimension, category, "
            + "amount, reported_by, reported_at, organisation_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";

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
