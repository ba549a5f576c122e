package org.civicbackbone.api.module;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.regex.Pattern;
import org.civicbackbone.api.store.BackboneStore;

/**
 * A {@link DemoData} that remembers which initiatives hold its demo in one table of the module's own, with one
 * column {@code initiative_id}: {@link #loadedInto} looks there, and {@link #loadInto} adds the row once
 * {@link #load} has returned. The module's component extends it and loads through its own service:
 *
 * <pre>{@code
 * @Component(service = DemoData.class)
 * public class PolicyDemo extends RememberedDemo {
 *     private final Policy policy;
 *
 *     @Activate
 *     public PolicyDemo(@Reference Policy policy) {
 *         super(policy.store(), Policy.FUNCTION_ID, "pol_demo_loaded");
 *         this.policy = policy;
 *     }
 *
 *     @Override
 *     protected void load(String initiativeId) {
 *         policy.add(initiativeId, ...);
 *     }
 * }
 * }</pre>
 *
 * The table is the module's, made by its own migrations ({@code CREATE TABLE pol_demo_loaded (initiative_id
 * VARCHAR(64) PRIMARY KEY)}), so it stays with the module's data when the module is uninstalled and a reinstall loads
 * nothing twice.
 *
 * @since 1.6
 */
public abstract class RememberedDemo implements DemoData {

    private static final Pattern TABLE = Pattern.compile("[a-z][a-z0-9_]*");

    private final BackboneStore store;
    private final String functionId;
    private final String lookUp;
    private final String remember;

    /**
     * @param store      the platform database
     * @param functionId the function whose demo this is
     * @param table      the module's table of initiatives that hold the demo, a plain lower-case name
     * @throws IllegalArgumentException when the table is not a plain lower-case name
     */
    protected RememberedDemo(BackboneStore store, String functionId, String table) {
        if (!TABLE.matcher(table).matches()) {
            throw new IllegalArgumentException("not a table name in lower case: " + table);
        }
        this.store = store;
        this.functionId = functionId;
        this.lookUp = "SELECT 1 FROM " + table + " WHERE initiative_id = ?";
        this.remember = "INSERT INTO " + table + " (initiative_id) VALUES (?)";
    }

    /** Loads the demo into the initiative through the function's own rules; it is remembered once this returns. */
    protected abstract void load(String initiativeId);

    @Override
    public final String functionId() {
        return functionId;
    }

    @Override
    public final boolean loadedInto(String initiativeId) {
        return store.read(c -> {
            try (PreparedStatement statement = c.prepareStatement(lookUp)) {
                statement.setString(1, initiativeId);
                try (ResultSet found = statement.executeQuery()) {
                    return found.next();
                }
            }
        });
    }

    @Override
    public final void loadInto(String initiativeId) {
        load(initiativeId);
        store.inTransaction(c -> {
            try (PreparedStatement statement = c.prepareStatement(remember)) {
                statement.setString(1, initiativeId);
                return statement.executeUpdate();
            }
        });
    }
}
