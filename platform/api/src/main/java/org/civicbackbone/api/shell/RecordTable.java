package org.civicbackbone.api.shell;

import java.io.PrintStream;
import java.util.List;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.support.table.ShellTable;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * A Karaf shell command that prints records as a table: a command names its columns, gives its rows and each row's
 * cells, and may print a line under the table. Annotate the subclass with Karaf's {@code @Service} and
 * {@code @Command}, and take services with Karaf's {@code @Reference} fields, as for any command.
 *
 * @param <T> a row's record
 */
@ConsumerType
public abstract class RecordTable<T> implements Action {

    private final List<String> columns;

    /** @param columns the columns' titles, in order; each row gives one cell per column */
    protected RecordTable(String... columns) {
        this.columns = List.of(columns);
    }

    /** The rows, in the order printed. */
    protected abstract List<T> rows();

    /** One row's cells, one per column; null prints as an empty cell. */
    protected abstract Object[] cells(T row);

    /** A line printed under the table (totals), or null for none. */
    protected String footer() {
        return null;
    }

    @Override
    public Object execute() {
        print(System.out);
        return null;
    }

    /** Prints the table and its footer. */
    protected void print(PrintStream out) {
        ShellTable table = new ShellTable();
        columns.forEach(table::column);
        for (T row : rows()) {
            table.addRow().addContent(cells(row));
        }
        table.print(out);
        String footer = footer();
        if (footer != null) {
            out.println(footer);
        }
    }
}
