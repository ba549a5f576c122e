package ${package};

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;

/** {@code backbone:${functionId}-notes INITIATIVE}: lists an initiative's notes in the Karaf shell. */
@Service
@Command(scope = "backbone", name = "${functionId}-notes", description = "Lists an initiative's ${functionName} notes")
public class ${functionClass}NotesCommand implements Action {

    @Argument(index = 0, name = "initiative", description = "The initiative id", required = true)
    String initiativeId;

    @Reference
    ${functionClass}Notes notes;

    @Override
    public Object execute() {
        ShellTable table = new ShellTable();
        for (String column : new String[] {"Id", "Title", "Author", "Written"}) {
            table.column(column);
        }
        for (Note n : notes.notes(initiativeId)) {
            table.addRow().addContent(n.id(), n.title(), n.author(), n.writtenAt());
        }
        table.print(System.out);
        return null;
    }
}
