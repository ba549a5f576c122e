package org.civicbackbone.api.store;

import java.sql.Connection;
import java.util.List;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The platform database. Tables of a module are prefixed with the module's short name and stay when the module
 * is uninstalled, so a reinstall finds its data intact.
 */
@ProviderType
public interface BackboneStore {

    /**
     * SQL for a mapper statement that reads several initiatives at once: a table {@code chosen(initiative_id)} of the
     * distinct ids in the statement's array parameter {@code initiativeIds} ({@code String[]}). Put it first in the
     * {@code FROM} clause and join the module's tables to it ({@code FROM " + CHOSEN_INITIATIVES + " JOIN xx_item x
     * ON x.initiative_id = chosen.initiative_id}). Each id is then looked up in the index once, on H2 and on
     * PostgreSQL alike; {@code initiative_id = ANY(?)} instead tests every row found against every id on H2, a cost
     * that grows with the square of the initiatives read (ADR 0027). The same text runs on both databases.
     */
    String CHOSEN_INITIATIVES = "UNNEST(CAST(#{initiativeIds, typeHandler=org.apache.ibatis.type.ArrayTypeHandler} "
            + "AS VARCHAR ARRAY)) AS chosen(initiative_id)";

    /**
     * Applies the module's migrations not yet applied, in version order. Returns the schema version in force.
     * Fails with an {@link IllegalStateException} when a migration fails (that migration is rolled back).
     */
    int migrate(String moduleId, List<SchemaMigration> migrations);

    /** Runs work in one transaction: committed if it returns, rolled back if it throws. */
    <T> T inTransaction(TransactionWork<T> work);

    /** Runs read-only work. */
    <T> T read(TransactionWork<T> work);

    /**
     * A mapper working on the connection of the unit of work in progress (inside {@link #inTransaction} or
     * {@link #read}), so its statements join that transaction and its locks. The mapper is an interface whose methods
     * declare their SQL with MyBatis annotations ({@code org.apache.ibatis.annotations.Select}, {@code Insert},
     * {@code Update}, {@code Delete}; {@code Options(useGeneratedKeys = true, keyProperty = ...)} for generated ids,
     * {@code Param} to name several parameters). Rows are mapped by column name: {@code snake_case} columns to the
     * {@code camelCase} components of a record's canonical constructor, or to one column's type for a single value.
     * A null parameter is sent as SQL NULL. ADR 0009 says why MyBatis.
     *
     * @param connection the connection handed to the running {@link TransactionWork}
     * @param mapperType the mapper interface
     * @since 1.1
     */
    <M> M mapper(Connection connection, Class<M> mapperType);

    /**
     * A mapper like {@link #mapper}, whose inserts, updates and deletes are sent to the database in batches: for
     * writing many rows in one unit of work (an import). Statements queue until a select runs or a method of the
     * mapper annotated {@code org.apache.ibatis.annotations.Flush} is called, which sends them; send them before the
     * work ends, or they are lost. Generated keys and update counts are not known until then.
     *
     * @param connection the connection handed to the running {@link TransactionWork}
     * @param mapperType the mapper interface
     * @since 1.2
     */
    <M> M batchMapper(Connection connection, Class<M> mapperType);

    /**
     * Runs work while holding the lock of that name for every platform on this database, not only this one: on
     * PostgreSQL a session advisory lock (several nodes on one database), on the embedded H2 a lock of this JVM. For
     * work that must run once even when two nodes start it together (loading demo data, a job's step). Work under
     * one name runs one at a time; a second caller waits.
     *
     * @param name what the lock protects ({@code demo:riverbend:policy})
     * @param work the work, free to open its own units of work
     * @since 1.3
     */
    <T> T exclusively(String name, java.util.function.Supplier<T> work);

    /**
     * Waits for the lock of that name and holds it until the unit of work on {@code connection} ends, on every
     * platform on this database (on PostgreSQL a transaction advisory lock, on the embedded H2 a lock of this JVM).
     * For a rule that reads before it writes, such as "no second working group of this name": two units of work that
     * hold the same name run one after the other, so the second reads the first's row and is refused, however close
     * together the two requests came. Take it first in the unit of work, before any write, and name what the rule
     * protects ({@code aligned-activities:riverbend}); work under other names is not held up.
     *
     * @param connection the connection handed to the running {@link #inTransaction} work
     * @param name what the lock protects
     * @throws IllegalStateException when the connection is not one of an {@link #inTransaction} in progress
     * @since 1.6
     */
    void holdUntilCommit(Connection connection, String name);

    /**
     * Waits for the lock of that name and holds it shared until the unit of work on {@code connection} ends: any
     * number of units of work hold it shared at once, while {@link #holdUntilCommit} of the same name waits for them
     * all to end, and they for it. For a write that needs a thing to stay as it is until it commits (the organisation
     * whose id it writes must not be merged away meanwhile), beside the change of that thing, which takes the lock
     * whole. Take it before any write, as {@link #holdUntilCommit}; never take the same name whole after it in the
     * same unit of work (that would wait on itself).
     *
     * @param connection the connection handed to the running {@link #inTransaction} work
     * @param name what the lock protects
     * @throws IllegalStateException when the connection is not one of an {@link #inTransaction} in progress
     * @since 1.10
     */
    void holdSharedUntilCommit(Connection connection, String name);

    /**
     * Runs work in one transaction, as {@link #inTransaction} does, in turn with every other such unit of work of the
     * same module for the same initiative: it first takes the lock named {@code moduleId:initiativeId}
     * ({@link #holdUntilCommit}) and holds it until the transaction ends. For a module's rule that reads an
     * initiative's records before it writes ("no second working group of this name", "one meeting at a time"), so two
     * requests at the same moment cannot both read "none yet".
     *
     * @param moduleId the module whose rule it is ({@code aligned-activities})
     * @param initiativeId the initiative whose records the rule reads
     * @param work the work, as for {@link #inTransaction}
     * @since 1.7
     */
    default <T> T inTurn(String moduleId, String initiativeId, TransactionWork<T> work) {
        return inTransaction(c -> {
            holdTurn(c, moduleId, initiativeId);
            return work.run(c);
        });
    }

    /**
     * Takes, inside a unit of work already running, the module's turn in the initiative that {@link #inTurn} takes,
     * and holds it until that unit of work ends. For a module's rule another module calls in its own transaction (the
     * activity money is proposed for must not change hands before the proposal commits): every change the module
     * makes {@link #inTurn} waits for that commit.
     *
     * @param connection the connection handed to the running {@link #inTransaction} work
     * @param moduleId the module whose turn it is ({@code aligned-activities})
     * @param initiativeId the initiative whose records the rule reads
     * @throws IllegalStateException when the connection is not one of an {@link #inTransaction} in progress
     * @since 1.11
     */
    default void holdTurn(Connection connection, String moduleId, String initiativeId) {
        holdUntilCommit(connection, moduleId + ":" + initiativeId);
    }

    /**
     * The version of the data as this platform knows it: a number that changes after every {@link #inTransaction}
     * commits here and, on PostgreSQL, as soon as the database tells that one committed on another node sharing it
     * ({@code LISTEN}/{@code NOTIFY}). An answer read while the version was {@code v} may be given again as long as
     * the version is still {@code v}: take it before reading. While the platform cannot hear the other nodes (its
     * listening connection is lost) the version changes at every call, so nothing is given again.
     *
     * @since 1.4
     */
    long dataVersion();
}
