package org.civicbackbone.examples.learning;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;

/** Lists an initiative's learning questions with their evidence and reflections. */
@Service
@Command(scope = "backbone", name = "learning-questions", description = "Lists an initiative's learning questions")
public class LearningQuestionsCommand implements Action {

    @Argument(index = 0, name = "initiative", description = "The initiative id", required = true)
    String initiativeId;

    @Reference
    Learning learning;

    @Override
    public Object execute() {
        ShellTable table = new ShellTable();
        for (String column : new String[] {"Id", "Question", "Indicators", "Evidence", "Reflections"}) {
            table.column(column);
        }
        for (Records.Question q : learning.questions(initiativeId)) {
            table.addRow().addContent(q.id(), q.question(), q.indicatorIds(), q.evidence(), q.reflections());
        }
        table.print(System.out);
        return null;
    }
}
