package org.civicbackbone.examples.learning;

import java.util.List;
import org.civicbackbone.api.console.WorkItem;
import org.civicbackbone.api.console.WorkItems;
import org.civicbackbone.api.module.BackboneFunction;
import org.civicbackbone.api.module.DescribedFunction;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Announces the function once its service (and schema) is ready, and puts the questions that wait for evidence or
 * for a reflection on each person's "My work" page.
 */
@Component(service = {BackboneFunction.class, WorkItems.class})
public class LearningFunction extends DescribedFunction implements WorkItems {

    private final Learning learning;

    /** Listed only while the service behind it works: the reference is the point. */
    @Activate
    public LearningFunction(@Reference Learning learning) {
        super(Learning.DESCRIPTOR);
        this.learning = learning;
    }

    /** A question with no evidence yet, or with evidence nobody has reflected on, needs attention. */
    @Override
    public List<WorkItem> of(String initiativeId) {
        return learning.questions(initiativeId).stream().filter(q -> q.evidence() == 0 || q.reflections() == 0)
                .map(q -> new WorkItem(WorkItem.Kind.NEEDS_ATTENTION, null, "Learning question \"" + q.question()
                        + "\": " + (q.evidence() == 0 ? "no evidence yet" : "evidence awaits reflection"), false,
                        "questions"))
                .toList();
    }
}
