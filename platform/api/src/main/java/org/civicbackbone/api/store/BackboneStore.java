package org.civicbackbone.api.store;

import java.util.List;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The platform database. Tables of a module are prefixed with the module's short name and stay when the module
 * is uninstalled, so a reinstall finds its data intact.
 */
@ProviderType
public interface BackboneStore {

    /**
     * Applies the module's migrations not yet applied, in version order. Returns the schema version in force.
     * Fails with an {@link IllegalStateException} when a migration fails (that migration is rolled back).
     */
    int migrate(String moduleId, List<SchemaMigration> migrations);

    /** Runs work in one transaction: committed if it returns, rolled back if it throws. */
    <T> T inTransaction(TransactionWork<T> work);

    /** Runs read-only work. */
    <T> T read(TransactionWork<T> work);
}
