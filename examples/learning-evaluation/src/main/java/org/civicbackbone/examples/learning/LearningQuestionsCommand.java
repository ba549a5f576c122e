package org.civicbackbone.examples.learning;

import java.util.List;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.civicbackbone.api.shell.InitiativeTable;

/** Lists an initiative's learning questions with their evidence and reflections. */
@Service
@Command(scope = "backbone", name = "learning-questions", description = "Lists an initiative's learning questions")
public class LearningQuestionsCommand extends InitiativeTable<Records.Question> {

    @Reference
    Learning learning;

    public LearningQuestionsCommand() {
        super("Id", "Question", "Indicators", "Evidence", "Reflections");
    }

    @Override
    protected List<Records.Question> rows() {
        return learning.questions(initiativeId);
    }

    @Override
    protected Object[] cells(Records.Question q) {
        return new Object[] {q.id(), q.question(), q.indicatorIds(), q.evidence(), q.reflections()};
    }
}
