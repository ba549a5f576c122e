package org.civicbackbone.store.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.List;
import javax.sql.DataSource;
import org.civicbackbone.api.store.BackboneStore;
import org.civicbackbone.api.store.SchemaMigration;
import org.civicbackbone.api.store.TransactionWork;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The platform database over the DataSource that pax-jdbc-config publishes as {@code dataSourceName=backbone}
 * (embedded H2 under {@code ${karaf.data}} by default). Every unit of work runs in its own transaction.
 */
@Component(service = BackboneStore.class)
public class JdbcBackboneStore implements BackboneStore {

    private static final Logger LOG = LoggerFactory.getLogger(JdbcBackboneStore.class);

    private final DataSource dataSource;

    @Activate
    public JdbcBackboneStore(@Reference(target = "(dataSourceName=backbone)") DataSource dataSource) {
        this.dataSource = dataSource;
        inTransaction(c -> {
            try (Statement s = c.createStatement()) {
                s.execute("CREATE TABLE IF NOT EXISTS schema_version (module VARCHAR(100) NOT NULL, "
                        + "version INT NOT NULL, description VARCHAR(500) NOT NULL, "
                        + "applied_at TIMESTAMP WITH TIME ZONE DEFAULT CURRENT_TIMESTAMP NOT NULL, "
                        + "PRIMARY KEY (module, version))");
            }
            return null;
        });
    }

    @Override
    public synchronized int migrate(String moduleId, List<SchemaMigration> migrations) {
        int current = read(c -> currentVersion(c, moduleId));
        List<SchemaMigration> pending = migrations.stream()
                .filter(m -> m.version() > current)
                .sorted(Comparator.comparingInt(SchemaMigration::version))
                .toList();
        int version = current;
        for (SchemaMigration migration : pending) {
            try {
                inTransaction(c -> {
                    try (Statement s = c.createStatement()) {
                        for (String statement : statements(migration.sql())) {
                            s.execute(statement);
                        }
                    }
                    try (PreparedStatement p = c.prepareStatement(
                            "INSERT INTO schema_version (module, version, description) VALUES (?, ?, ?)")) {
                        p.setString(1, moduleId);
                        p.setInt(2, migration.version());
                        p.setString(3, migration.description());
                        p.executeUpdate();
                    }
                    return null;
                });
            } catch (RuntimeException e) {
                throw new IllegalStateException("Migration " + moduleId + " v" + migration.version() + " ("
                        + migration.description() + ") failed: " + e.getMessage(), e);
            }
            version = migration.version();
            LOG.info("Applied migration {} v{}: {}", moduleId, version, migration.description());
        }
        return version;
    }

    /** Splits a migration script at semicolons that end a line. */
    static List<String> statements(String sql) {
        return java.util.Arrays.stream(sql.split(";\\s*(\\r?\\n|$)"))
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .toList();
    }

    private static int currentVersion(Connection c, String moduleId) throws SQLException {
        try (PreparedStatement p = c.prepareStatement(
                "SELECT COALESCE(MAX(version), 0) FROM schema_version WHERE module = ?")) {
            p.setString(1, moduleId);
            try (ResultSet r = p.executeQuery()) {
                r.next();
                return r.getInt(1);
            }
        }
    }

    @Override
    public <T> T inTransaction(TransactionWork<T> work) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Database error: " + e.getMessage(), e);
        }
    }

    @Override
    public <T> T read(TransactionWork<T> work) {
        try (Connection c = dataSource.getConnection()) {
            c.setReadOnly(true);
            return work.run(c);
        } catch (SQLException e) {
            throw new IllegalStateException("Database error: " + e.getMessage(), e);
        }
    }
}
