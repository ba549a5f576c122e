package org.civicbackbone.api.module;

import java.util.List;
import org.civicbackbone.api.audit.AuditLog;
import org.civicbackbone.api.initiative.InitiativeService;
import org.civicbackbone.api.problem.InputValidator;
import org.civicbackbone.api.store.BackboneStore;
import org.civicbackbone.api.store.SchemaMigration;

/**
 * The rules of a function module, on the platform services every function's rules use: its tables migrated once
 * when the component is made, and the check that an initiative uses the function before any of its rules run. A
 * module's service component extends it and takes those services as constructor references, beside its own (since
 * 1.7):
 *
 * <pre>{@code
 * @Component(service = Policy.class)
 * public class Policy extends FunctionRules {
 *     @Activate
 *     public Policy(@Reference BackboneStore store, @Reference AuditLog audit,
 *                   @Reference InitiativeService initiatives, @Reference InputValidator validator) {
 *         super(DESCRIPTOR, PolicySchema.MODULE, PolicySchema.MIGRATIONS, store, audit, initiatives, validator);
 *     }
 * }
 * }</pre>
 */
public abstract class FunctionRules {

    /** The platform database, with the module's tables migrated. */
    protected final BackboneStore store;
    /** Where each write is recorded, in the transaction that makes it. */
    protected final AuditLog audit;
    /** The initiatives, and whether each uses this function. */
    protected final InitiativeService initiatives;
    /** Checks request bodies against their constraints (400 naming each field). */
    protected final InputValidator validator;
    private final String functionId;

    /**
     * Migrates the module's tables (each migration once, under the store's lock of every node).
     *
     * @param descriptor  what the function says about itself (its id is the one {@link #requireInUse} checks)
     * @param module      the module whose migrations these are, as {@link BackboneStore#migrate} keeps them
     * @param migrations  the module's migrations, oldest first
     */
    protected FunctionRules(FunctionDescriptor descriptor, String module, List<SchemaMigration> migrations,
                            BackboneStore store, AuditLog audit, InitiativeService initiatives,
                            InputValidator validator) {
        this.functionId = descriptor.id();
        this.store = store;
        this.audit = audit;
        this.initiatives = initiatives;
        this.validator = validator;
        store.migrate(module, migrations);
    }

    /** The platform database this function's rules read and write, with the module's tables migrated. */
    public final BackboneStore store() {
        return store;
    }

    /**
     * Refuses (404 for an unknown initiative, 409 while it has not enabled the function) before a rule reads or writes
     * anything of the initiative's.
     */
    protected final void requireInUse(String initiativeId) {
        initiatives.checkFunctionInUse(initiativeId, functionId);
    }

    /**
     * What a write checks first, in this order: its body against the body's constraints (400 naming each field), then
     * {@link #requireInUse(String)}; so bad input is refused the same way whatever the initiative's state (since 1.8).
     */
    protected final void requireValidInUse(String initiativeId, Object body) {
        validator.validate(body);
        requireInUse(initiativeId);
    }
}
