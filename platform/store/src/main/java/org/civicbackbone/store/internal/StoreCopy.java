package org.civicbackbone.store.internal;

import java.io.PrintStream;
import java.sql.Clob;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import javax.sql.DataSource;

/**
 * Copies every module's data from the platform database to another, empty one (an H2 installation moving to
 * PostgreSQL): the target gets each installed module's migrations, then every row of every table, parents before
 * children, in one transaction, so a failed copy leaves no rows behind (the empty tables stay; copy again). Identity
 * sequences are moved past the copied ids. Tables of modules that are not installed (their data stays when a module is removed) are named and
 * refused: install the module, or the copy would lose them silently.
 */
final class StoreCopy {

    private static final int BATCH = 500;

    private final JdbcBackboneStore source;
    private final DataSource target;
    private final PrintStream progress;

    StoreCopy(JdbcBackboneStore source, DataSource target, PrintStream progress) {
        this.source = source;
        this.target = target;
        this.progress = progress;
    }

    /** Copies and answers the rows copied per table. */
    Map<String, Long> run() throws SQLException {
        JdbcBackboneStore destination = new JdbcBackboneStore(target);
        try (Connection from = source.dataSource().getConnection()) {
            from.setReadOnly(true);
            List<String> tables = parentsFirst(from);
            source.modules().forEach((module, migrations) -> {
                int version = destination.migrate(module, migrations);
                progress.printf("schema %-32s v%d%n", module, version);
            });
            String holding = destination.read(c -> firstTableWithRows(c));
            if (holding != null) {
                throw new IllegalStateException("The target database is not empty (table " + holding + " has rows). "
                        + "Copy into a new, empty database.");
            }
            Set<String> wanted = destination.read(c -> tables(c.getMetaData()));
            List<String> missing = tables.stream().filter(t -> !wanted.contains(t)).toList();
            if (!missing.isEmpty()) {
                throw new IllegalStateException("These tables belong to modules that are not installed, so the target "
                        + "has no place for them: " + missing + ". Install those modules and copy again.");
            }
            return destination.inTransaction(to -> {
                Map<String, Long> copied = new LinkedHashMap<>();
                for (String table : tables) {
                    if (table.equals("schema_version")) {
                        continue; // the target wrote its own while migrating
                    }
                    long rows = copy(from, to, table);
                    copied.put(table, rows);
                    progress.printf("%-36s %8d rows%n", table, rows);
                }
                moveIdentities(to, copied.keySet());
                return copied;
            });
        }
    }

    private static String firstTableWithRows(Connection c) throws SQLException {
        for (String table : tables(c.getMetaData())) {
            if (table.equals("schema_version")) {
                continue;
            }
            try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT 1 FROM " + table + " LIMIT 1")) {
                if (r.next()) {
                    return table;
                }
            }
        }
        return null;
    }

    /** The user tables, lower case (a backup is counted by them too). */
    static Set<String> tables(DatabaseMetaData meta) throws SQLException {
        Set<String> names = new LinkedHashSet<>();
        try (ResultSet r = meta.getTables(null, null, "%", new String[] {"TABLE"})) {
            while (r.next()) {
                String schema = r.getString("TABLE_SCHEM");
                if (schema == null || !schema.equalsIgnoreCase("INFORMATION_SCHEMA")) {
                    names.add(r.getString("TABLE_NAME").toLowerCase(Locale.ROOT));
                }
            }
        }
        return names;
    }

    /** The source's tables ordered so that every table comes after the tables its foreign keys point to. */
    private static List<String> parentsFirst(Connection c) throws SQLException {
        DatabaseMetaData meta = c.getMetaData();
        Map<String, Set<String>> parents = new TreeMap<>();
        for (String table : tables(meta)) {
            Set<String> of = new LinkedHashSet<>();
            try (ResultSet r = meta.getImportedKeys(null, null, meta.storesUpperCaseIdentifiers()
                    ? table.toUpperCase(Locale.ROOT) : table)) {
                while (r.next()) {
                    String parent = r.getString("PKTABLE_NAME").toLowerCase(Locale.ROOT);
                    if (!parent.equals(table)) {
                        of.add(parent);
                    }
                }
            }
            parents.put(table, of);
        }
        List<String> ordered = new ArrayList<>();
        while (ordered.size() < parents.size()) {
            int before = ordered.size();
            for (Map.Entry<String, Set<String>> e : parents.entrySet()) {
                if (!ordered.contains(e.getKey()) && ordered.containsAll(e.getValue())) {
                    ordered.add(e.getKey());
                }
            }
            if (ordered.size() == before) {
                throw new IllegalStateException("Foreign keys form a cycle among " + parents.keySet());
            }
        }
        return ordered;
    }

    /** Copies one table's rows, the columns both sides have, in batches. */
    private static long copy(Connection from, Connection to, String table) throws SQLException {
        Set<String> targetColumns = new LinkedHashSet<>();
        try (Statement s = to.createStatement(); ResultSet r = s.executeQuery("SELECT * FROM " + table + " WHERE 1 = 0")) {
            ResultSetMetaData meta = r.getMetaData();
            for (int i = 1; i <= meta.getColumnCount(); i++) {
                targetColumns.add(meta.getColumnLabel(i).toLowerCase(Locale.ROOT));
            }
        }
        long rows = 0;
        try (Statement s = from.createStatement(); ResultSet r = s.executeQuery("SELECT * FROM " + table)) {
            ResultSetMetaData meta = r.getMetaData();
            List<Integer> indexes = new ArrayList<>();
            List<String> columns = new ArrayList<>();
            for (int i = 1; i <= meta.getColumnCount(); i++) {
                String column = meta.getColumnLabel(i).toLowerCase(Locale.ROOT);
                if (targetColumns.contains(column)) {
                    indexes.add(i);
                    columns.add(column);
                }
            }
            String insert = "INSERT INTO " + table + " (" + String.join(", ", columns) + ") VALUES ("
                    + String.join(", ", java.util.Collections.nCopies(columns.size(), "?")) + ")";
            try (PreparedStatement p = to.prepareStatement(insert)) {
                while (r.next()) {
                    for (int i = 0; i < indexes.size(); i++) {
                        Object value = r.getObject(indexes.get(i));
                        p.setObject(i + 1, value instanceof Clob clob ? clob.getSubString(1, (int) clob.length()) : value);
                    }
                    p.addBatch();
                    if (++rows % BATCH == 0) {
                        p.executeBatch();
                    }
                }
                p.executeBatch();
            }
        }
        return rows;
    }

    /** After explicit ids were copied, each generated id starts past the largest one. */
    private static void moveIdentities(Connection to, Set<String> tables) throws SQLException {
        boolean postgresql = to.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres");
        for (String table : tables) {
            boolean hasId;
            try (ResultSet r = to.getMetaData().getColumns(null, null, postgresql ? table : table.toUpperCase(Locale.ROOT),
                    postgresql ? "id" : "ID")) {
                hasId = r.next() && "YES".equalsIgnoreCase(r.getString("IS_AUTOINCREMENT"));
            }
            if (!hasId) {
                continue;
            }
            long next;
            try (Statement s = to.createStatement(); ResultSet r = s.executeQuery("SELECT COALESCE(MAX(id), 0) + 1 FROM "
                    + table)) {
                r.next();
                next = r.getLong(1);
            }
            try (Statement s = to.createStatement()) {
                s.execute(postgresql ? "SELECT setval(pg_get_serial_sequence('" + table + "', 'id'), " + next + ", false)"
                        : "ALTER TABLE " + table + " ALTER COLUMN id RESTART WITH " + next);
            }
        }
    }
}
