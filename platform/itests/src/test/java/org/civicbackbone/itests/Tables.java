package org.civicbackbone.itests;

import java.math.BigDecimal;
import java.sql.Clob;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** The platform's tables read as text that compares equal across H2 and PostgreSQL. */
final class Tables {

    private Tables() {
    }

    /** The names of the platform's own tables (schema {@code public}), as the database spells them. */
    static List<String> names(Connection c) throws Exception {
        List<String> names = new ArrayList<>();
        DatabaseMetaData meta = c.getMetaData();
        try (ResultSet r = meta.getTables(null, null, "%", new String[] {"TABLE"})) {
            while (r.next()) {
                if ("public".equalsIgnoreCase(r.getString("TABLE_SCHEM"))) {
                    names.add(r.getString("TABLE_NAME"));
                }
            }
        }
        Collections.sort(names);
        return names;
    }

    /**
     * A table's rows, sorted, each as {@code column=value|} with columns by name and values in one spelling for both
     * databases (instants, plain decimals, clob text); {@code ignored} columns are left out.
     */
    static List<String> rows(Connection c, String table, Set<String> ignored) throws Exception {
        List<String> rows = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT * FROM " + table)) {
            ResultSetMetaData meta = r.getMetaData();
            Map<String, Integer> columns = new TreeMap<>();
            for (int i = 1; i <= meta.getColumnCount(); i++) {
                String column = meta.getColumnLabel(i).toLowerCase(Locale.ROOT);
                if (!ignored.contains(column)) {
                    columns.put(column, i);
                }
            }
            while (r.next()) {
                StringBuilder row = new StringBuilder();
                for (Map.Entry<String, Integer> column : columns.entrySet()) {
                    row.append(column.getKey()).append('=').append(text(r.getObject(column.getValue()))).append('|');
                }
                rows.add(row.toString());
            }
        }
        Collections.sort(rows);
        return rows;
    }

    /** Every table's rows: equal maps mean no table changed. */
    static Map<String, List<String>> all(Connection c) throws Exception {
        Map<String, List<String>> tables = new TreeMap<>();
        for (String table : names(c)) {
            tables.put(table, rows(c, table, Set.of()));
        }
        return tables;
    }

    private static String text(Object value) throws Exception {
        if (value instanceof OffsetDateTime t) {
            return t.toInstant().toString();
        } else if (value instanceof Timestamp t) {
            return t.toInstant().toString();
        } else if (value instanceof BigDecimal d) {
            return d.stripTrailingZeros().toPlainString();
        } else if (value instanceof Clob clob) {
            return clob.getSubString(1, (int) clob.length());
        }
        return String.valueOf(value);
    }
}
