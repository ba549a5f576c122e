package org.civicbackbone.activities.internal.shell;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.civicbackbone.activities.internal.AlignedActivities;
import org.civicbackbone.activities.internal.JointPlan.Alignment;

/** Shows gaps, overlaps and each partner's share of the plan. */
@Service
@Command(scope = "backbone", name = "alignment", description = "Shows goals nobody works on, overlaps, and partners' shares")
public class AlignmentCommand implements Action {

    @Argument(index = 0, name = "initiative", description = "The initiative id", required = true)
    String initiativeId;

    @Reference
    AlignedActivities plan;

    @Override
    public Object execute() {
        Alignment a = plan.alignment(initiativeId);
        System.out.println(a.goalsKnown() ? "Gaps: " + (a.gaps().isEmpty() ? "none" : String.join("; ", a.gaps()))
                : "Gaps: unknown (no adopted common agenda, or vision and strategy not installed)");
        a.overlaps().forEach(o -> System.out.println("Overlap on goal " + o.goal() + ": " + String.join(", ", o.organisations())));
        a.shares().forEach(s -> System.out.println(s.organisation() + ": " + s.activities() + " activities (" + s.percent() + "%)"));
        return null;
    }
}
