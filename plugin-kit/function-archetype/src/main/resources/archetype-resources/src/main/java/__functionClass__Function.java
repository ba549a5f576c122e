package ${package};

import java.util.List;
import org.civicbackbone.api.console.WorkItem;
import org.civicbackbone.api.console.WorkItems;
import org.civicbackbone.api.module.BackboneFunction;
import org.civicbackbone.api.module.DescribedFunction;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Announces the function to the platform once its service (and schema) is ready, and puts what needs attention on
 * each person's "My work" page (the console's home page).
 */
@Component(service = {BackboneFunction.class, WorkItems.class})
public class ${functionClass}Function extends DescribedFunction implements WorkItems {

    private final ${functionClass}Notes notes;

    /** Listed only while the service behind it works: the reference is the point. */
    @Activate
    public ${functionClass}Function(@Reference ${functionClass}Notes notes) {
        super(${functionClass}Notes.DESCRIPTOR);
        this.notes = notes;
    }

    /** What the overview says needs attention (a note without text), linked to the notes page. */
    @Override
    public List<WorkItem> of(String initiativeId) {
        return notes.overview(initiativeId).needsAttention().stream()
                .map(what -> new WorkItem(WorkItem.Kind.NEEDS_ATTENTION, null, what, false, "notes"))
                .toList();
    }
}
