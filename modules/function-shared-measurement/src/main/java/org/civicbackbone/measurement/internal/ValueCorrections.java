package org.civicbackbone.measurement.internal;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Corrections of reported values: reporting the same partner, period and slice again replaces the value, and the
 * value as it was and as it became are kept here, in the same transaction.
 */
final class ValueCorrections {

    private ValueCorrections() {
    }

    /** The value already reported for the same slice (locked until commit), or null when this is the first report. */
    static BigDecimal previous(Connection c, Indicator indicator, ValueReport report) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("SELECT amount FROM sm_value WHERE indicator_id = ? AND period = ? "
                + "AND partner = ? AND dimension = ? AND category = ? FOR UPDATE")) {
            p.setLong(1, indicator.id());
            p.setString(2, report.period());
            p.setString(3, report.partner().strip());
            p.setString(4, report.dimensionKey());
            p.setString(5, report.categoryKey());
            try (ResultSet r = p.executeQuery()) {
                return r.next() ? r.getBigDecimal("amount") : null;
            }
        }
    }

    static void record(Connection c, ReportedValue corrected, BigDecimal previous, String actor)
            throws SQLException {
        try (PreparedStatement p = c.prepareStatement("INSERT INTO sm_value_correction (value_id, old_amount, new_amount, "
                + "corrected_by, corrected_at) VALUES (?, ?, ?, ?, ?)")) {
            p.setLong(1, corrected.id());
            p.setBigDecimal(2, previous);
            p.setBigDecimal(3, corrected.value());
            p.setString(4, actor);
            p.setTimestamp(5, Timestamp.from(corrected.reportedAt()));
            p.executeUpdate();
        }
    }

    /** A correction: the value as it was and as it became. */
    public record Correction(long valueId, BigDecimal oldValue, BigDecimal newValue, String correctedBy,
                             Instant correctedAt) {
    }

    /** Every correction of the indicator's values, oldest first. */
    static List<Correction> of(Connection c, long indicatorId) throws SQLException {
        {
            List<Correction> corrections = new ArrayList<>();
            try (PreparedStatement p = c.prepareStatement("SELECT k.value_id, k.old_amount, k.new_amount, k.corrected_by, "
                    + "k.corrected_at FROM sm_value_correction k JOIN sm_value v ON v.id = k.value_id "
                    + "WHERE v.indicator_id = ? ORDER BY k.id")) {
                p.setLong(1, indicatorId);
                try (ResultSet r = p.executeQuery()) {
                    while (r.next()) {
                        corrections.add(new Correction(r.getLong("value_id"), r.getBigDecimal("old_amount").stripTrailingZeros(),
                                r.getBigDecimal("new_amount").stripTrailingZeros(), r.getString("corrected_by"),
                                r.getTimestamp("corrected_at").toInstant()));
                    }
                }
            }
            return corrections;
        }
    }

}
