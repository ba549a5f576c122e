package org.civicbackbone.store.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.locks.Lock;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.apache.ibatis.mapping.Environment;
import org.apache.ibatis.session.Configuration;
import org.apache.ibatis.session.ExecutorType;
import org.apache.ibatis.session.LocalCacheScope;
import org.apache.ibatis.session.SqlSessionFactory;
import org.apache.ibatis.session.SqlSessionFactoryBuilder;
import org.apache.ibatis.transaction.managed.ManagedTransactionFactory;
import org.apache.ibatis.type.JdbcType;
import org.civicbackbone.api.store.BackboneStore;
import org.civicbackbone.api.store.SchemaMigration;
import org.civicbackbone.api.store.TransactionWork;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The platform database over the DataSource that pax-jdbc-config publishes as {@code dataSourceName=backbone}
 * (embedded H2 under {@code ${karaf.data}} by default). Every unit of work runs in its own transaction; mappers
 * (MyBatis, ADR 0009) run their statements on that unit's connection.
 */
@Component(service = {BackboneStore.class, JdbcBackboneStore.class})
public class JdbcBackboneStore implements BackboneStore {

    private static final Logger LOG = LoggerFactory.getLogger(JdbcBackboneStore.class);

    private final DataSource dataSource;

    /** Every module's migrations as last handed to {@link #migrate}: what a copy recreates on another database. */
    private final java.util.Map<String, List<SchemaMigration>> modules = new java.util.concurrent.ConcurrentSkipListMap<>();

    /**
     * One MyBatis configuration per mapper interface, built on first use. Held by the interface's class, so a module's
     * mappers go with its class loader when the module is uninstalled, and modules never share a registry.
     */
    private final ClassValue<SqlSessionFactory> mappers = new ClassValue<>() {
        @Override
        protected SqlSessionFactory computeValue(Class<?> mapperType) {
            return new SqlSessionFactoryBuilder().build(configuration(mapperType));
        }
    };

    /** Locks of this JVM by name; on PostgreSQL {@link #exclusively} takes an advisory lock inside its own. */
    private final NamedLocks locks = new NamedLocks();
    private final boolean postgresql;
    private final DataVersion version = new DataVersion();

    @Activate
    public JdbcBackboneStore(@Reference(target = "(dataSourceName=backbone)") DataSource dataSource) {
        this.dataSource = dataSource;
        this.postgresql = read(c -> "PostgreSQL".equals(c.getMetaData().getDatabaseProductName()));
        if (!postgresql) {
            EmbeddedDatabase.answerEachAfresh(dataSource);
        }
        inTransaction(c -> {
            holdUntilCommit(c, "schema");
            try (Statement s = c.createStatement()) {
                s.execute("CREATE TABLE IF NOT EXISTS schema_version (module VARCHAR(100) NOT NULL, "
                        + "version INT NOT NULL, description VARCHAR(500) NOT NULL, "
                        + "applied_at TIMESTAMP WITH TIME ZONE DEFAULT CURRENT_TIMESTAMP NOT NULL, "
                        + "PRIMARY KEY (module, version))");
            }
            return null;
        });
        if (postgresql) {
            version.listen(dataSource); // last: a constructor that failed above leaves no thread behind
        }
    }

    @Override
    public synchronized int migrate(String moduleId, List<SchemaMigration> migrations) {
        modules.put(moduleId, List.copyOf(migrations));
        int current = read(c -> currentVersion(c, moduleId));
        List<SchemaMigration> pending = migrations.stream()
                .filter(m -> m.version() > current)
                .sorted(Comparator.comparingInt(SchemaMigration::version))
                .toList();
        int version = current;
        for (SchemaMigration migration : pending) {
            boolean applied;
            try {
                applied = inTransaction(c -> {
                    // another node on this database may be migrating the same module: one applies, the other skips
                    holdUntilCommit(c, "schema:" + moduleId);
                    if (currentVersion(c, moduleId) >= migration.version()) {
                        return false;
                    }
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
                    return true;
                });
            } catch (RuntimeException e) {
                throw new IllegalStateException("Migration " + moduleId + " v" + migration.version() + " ("
                        + migration.description() + ") failed: " + e.getMessage(), e);
            }
            version = migration.version();
            if (applied) {
                LOG.info("Applied migration {} v{}: {}", moduleId, version, migration.description());
            }
        }
        return version;
    }

    @Override
    public <T> T exclusively(String name, Supplier<T> work) {
        Lock local = locks.whole(name);
        local.lock();
        try {
            if (!postgresql) {
                return work.get();
            }
            try (Connection c = dataSource.getConnection()) {
                c.setAutoCommit(true);
                advisory(c, "SELECT pg_advisory_lock(hashtextextended(?, 0))", name);
                try {
                    return work.get();
                } finally {
                    advisory(c, "SELECT pg_advisory_unlock(hashtextextended(?, 0))", name);
                }
            } catch (SQLException e) {
                throw new IllegalStateException("Database error taking the lock '" + name + "': " + e.getMessage(), e);
            }
        } finally {
            local.unlock();
        }
    }

    @Override
    public void holdUntilCommit(Connection connection, String name) {
        hold(connection, name, false);
    }

    @Override
    public void holdSharedUntilCommit(Connection connection, String name) {
        hold(connection, name, true);
    }

    private void hold(Connection connection, String name, boolean shared) {
        if (!locks.inProgress(connection)) {
            throw new IllegalStateException("The lock '" + name + "' is held until a commit: take it on the "
                    + "connection inTransaction hands to its work, not outside one.");
        }
        if (!postgresql) {
            locks.holdUntilEnd(connection, name, shared);
            return;
        }
        try {
            advisory(connection, shared ? "SELECT pg_advisory_xact_lock_shared(hashtextextended(?, 0))"
                    : "SELECT pg_advisory_xact_lock(hashtextextended(?, 0))", name);
        } catch (SQLException e) {
            throw new IllegalStateException("Database error taking the lock '" + name + "': " + e.getMessage(), e);
        }
    }

    private static void advisory(Connection c, String sql, String name) throws SQLException {
        try (PreparedStatement p = c.prepareStatement(sql)) {
            p.setString(1, name);
            p.execute();
        }
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

    @Deactivate
    void deactivate(BundleContext context) throws InterruptedException {
        stop();
        if (!postgresql) {
            EmbeddedDatabase.closeIfThePlatformStops(context, dataSource);
        }
    }

    /** Stops listening for other nodes' commits. */
    void stop() throws InterruptedException {
        version.stop();
    }

    @Override
    public <T> T inTransaction(TransactionWork<T> work) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            locks.begin(c);
            try {
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                locks.end(c); // after the commit: the next holder reads it
                version.written(); // after the commit, before the caller answers: its next read is never an old one
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Database error: " + e.getMessage(), e);
        }
    }

    @Override
    public long dataVersion() {
        return version.current();
    }

    /** The modules that migrated this database since it started, with their migrations. */
    java.util.Map<String, List<SchemaMigration>> modules() {
        return java.util.Map.copyOf(modules);
    }

    /** This store's DataSource, to copy from and back up. */
    DataSource dataSource() {
        return dataSource;
    }

    /** Whether the database is PostgreSQL (else the embedded H2). */
    boolean onPostgresql() {
        return postgresql;
    }

    @Override
    public <M> M mapper(Connection connection, Class<M> mapperType) {
        // the session borrows the unit of work's connection: it never commits, rolls back or closes it
        return mappers.get(mapperType).openSession(connection).getMapper(mapperType);
    }

    @Override
    public <M> M batchMapper(Connection connection, Class<M> mapperType) {
        return mappers.get(mapperType).openSession(ExecutorType.BATCH, connection).getMapper(mapperType);
    }

    private Configuration configuration(Class<?> mapperType) {
        ManagedTransactionFactory borrowed = new ManagedTransactionFactory();
        Properties leaveOpen = new Properties();
        leaveOpen.setProperty("closeConnection", "false");
        borrowed.setProperties(leaveOpen);
        Configuration configuration = new RecordConfiguration(new Environment("backbone", borrowed, dataSource));
        configuration.setMapUnderscoreToCamelCase(true);
        configuration.setArgNameBasedConstructorAutoMapping(true);
        configuration.setJdbcTypeForNull(JdbcType.NULL);
        configuration.setCacheEnabled(false);
        configuration.setLocalCacheScope(LocalCacheScope.STATEMENT); // a read always sees the transaction's writes
        configuration.addMapper(mapperType);
        return configuration;
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
