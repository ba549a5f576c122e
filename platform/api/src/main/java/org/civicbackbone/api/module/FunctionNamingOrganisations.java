package org.civicbackbone.api.module;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.regex.Pattern;
import org.civicbackbone.api.initiative.OrganisationReferences;

/**
 * A {@link DescribedFunction} whose module's tables name organisations of the registry by id: it declares those
 * columns, and when two records of one organisation are merged it points their rows to the one kept, on the merge's
 * connection ({@link OrganisationReferences}, ADR 0025). The announcing component registers both services:
 *
 * <pre>{@code
 * @Component(service = {BackboneFunction.class, OrganisationReferences.class})
 * public class PolicyFunction extends FunctionNamingOrganisations {
 *     @Activate
 *     public PolicyFunction(@Reference Policy policy) {
 *         super(Policy.DESCRIPTOR, "pol_stance.organisation_id");
 *     }
 * }
 * }</pre>
 *
 * @since 1.4
 */
public abstract class FunctionNamingOrganisations extends DescribedFunction implements OrganisationReferences {

    private static final Pattern COLUMN = Pattern.compile("[a-z][a-z0-9_]*\\.[a-z][a-z0-9_]*");

    private final List<String> updates;

    /**
     * @param descriptor what the function says about itself
     * @param columns    each column of the module's own tables that holds an organisation id, as {@code table.column}
     * @throws IllegalArgumentException when there is none, or one is not a plain lower-case {@code table.column}
     */
    protected FunctionNamingOrganisations(FunctionDescriptor descriptor, String... columns) {
        super(descriptor);
        if (columns.length == 0) {
            throw new IllegalArgumentException("name at least one column that holds organisation ids");
        }
        this.updates = List.of(columns).stream().map(FunctionNamingOrganisations::update).toList();
    }

    private static String update(String column) {
        if (!COLUMN.matcher(column).matches()) {
            throw new IllegalArgumentException("not a table.column in lower case: " + column);
        }
        String table = column.substring(0, column.indexOf('.'));
        String name = column.substring(column.indexOf('.') + 1);
        return "UPDATE " + table + " SET " + name + " = ? WHERE " + name + " = ?";
    }

    /** Points every declared column's rows from the merged-away organisation to the one kept; safe to repeat. */
    @Override
    public final void repoint(Connection connection, String initiativeId, long fromId, long intoId) {
        for (String update : updates) {
            try (PreparedStatement statement = connection.prepareStatement(update)) {
                statement.setLong(1, intoId);
                statement.setLong(2, fromId);
                statement.executeUpdate();
            } catch (SQLException e) {
                throw new IllegalStateException("Could not repoint organisation " + fromId + " in " + id() + ": "
                        + e.getMessage(), e);
            }
        }
    }
}
