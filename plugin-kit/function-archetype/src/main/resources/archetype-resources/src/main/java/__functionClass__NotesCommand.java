package ${package};

import java.util.List;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.civicbackbone.api.shell.InitiativeTable;

/** {@code backbone:${functionId}-notes INITIATIVE}: lists an initiative's notes in the Karaf shell. */
@Service
@Command(scope = "backbone", name = "${functionId}-notes", description = "Lists an initiative's ${functionName} notes")
public class ${functionClass}NotesCommand extends InitiativeTable<Note> {

    @Reference
    ${functionClass}Notes notes;

    public ${functionClass}NotesCommand() {
        super("Id", "Title", "Author", "Written");
    }

    @Override
    protected List<Note> rows() {
        return notes.notes(initiativeId);
    }

    @Override
    protected Object[] cells(Note n) {
        return new Object[] {n.id(), n.title(), n.author(), n.writtenAt()};
    }
}
