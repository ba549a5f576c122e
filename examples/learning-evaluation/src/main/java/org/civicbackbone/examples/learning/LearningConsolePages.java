package org.civicbackbone.examples.learning;

import org.civicbackbone.api.console.ConsoleContribution;
import org.civicbackbone.api.console.FunctionPages;
import org.osgi.service.component.annotations.Component;

/** The plugin's page in the web console: its learning questions, and a form to ask one ({@code questions.js}). */
@Component(service = ConsoleContribution.class)
public class LearningConsolePages extends FunctionPages {
    public LearningConsolePages() { super(Learning.FUNCTION_ID, "questions", "Learning and evaluation"); }
}
