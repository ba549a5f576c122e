package org.civicbackbone.activities.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** The module's JDBC: an insert that answers the new row's id, and an update. */
final class Rows {

    private Rows() {
    }

    static long insert(Connection c, String sql, Object... values) throws SQLException {
        try (PreparedStatement p = c.prepareStatement(sql, new String[] {"id"})) {
            bind(p, values);
            p.executeUpdate();
            try (ResultSet keys = p.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    static int update(Connection c, String sql, Object... values) throws SQLException {
        try (PreparedStatement p = c.prepareStatement(sql)) {
            bind(p, values);
            return p.executeUpdate();
        }
    }

    private static void bind(PreparedStatement p, Object... values) throws SQLException {
        for (int i = 0; i < values.length; i++) {
            Object v = values[i];
            p.setObject(i + 1, v instanceof java.time.LocalDate d ? java.sql.Date.valueOf(d) : v);
        }
    }
}
