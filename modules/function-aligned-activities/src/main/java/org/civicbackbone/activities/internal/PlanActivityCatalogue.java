package org.civicbackbone.activities.internal;

import java.sql.Connection;
import java.util.List;
import java.util.Optional;
import org.civicbackbone.activities.internal.JointPlan.Activity;
import org.civicbackbone.api.activities.ActivityCatalogue;
import org.civicbackbone.api.activities.ActivityRef;
import org.civicbackbone.api.problem.ProblemException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Offers the activities to other modules (allocations of funds) while this module is installed. */
@Component(service = ActivityCatalogue.class)
public class PlanActivityCatalogue implements ActivityCatalogue {

    private final AlignedActivities plan;

    @Activate
    public PlanActivityCatalogue(@Reference AlignedActivities plan) {
        this.plan = plan;
    }

    @Override
    public List<ActivityRef> activities(String initiativeId) {
        try {
            return plan.activities(initiativeId).stream().map(PlanActivityCatalogue::ref).toList();
        } catch (ProblemException notUsedThere) {
            return List.of(); // unknown initiative, or aligned activities not enabled for it
        }
    }

    @Override
    public Optional<ActivityRef> held(Connection transaction, String initiativeId, String title) {
        return plan.heldActivity(transaction, initiativeId, title).map(PlanActivityCatalogue::ref);
    }

    private static ActivityRef ref(Activity activity) {
        return new ActivityRef(activity.id(), activity.title(), activity.ownerOrganisation());
    }
}
