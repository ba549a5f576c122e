package org.civicbackbone.activities.internal;

import java.sql.Connection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.civicbackbone.activities.internal.JointPlan.Activity;
import org.civicbackbone.api.activities.ActivityCatalogue;
import org.civicbackbone.api.activities.ActivityRef;
import org.civicbackbone.api.problem.ProblemException;
import org.civicbackbone.api.store.BackboneStore;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Offers the activities to other modules (allocations of funds) while this module is installed. */
@Component(service = ActivityCatalogue.class)
public class PlanActivityCatalogue implements ActivityCatalogue {

    private final AlignedActivities plan;
    private final BackboneStore store;

    @Activate
    public PlanActivityCatalogue(@Reference AlignedActivities plan, @Reference BackboneStore store) {
        this.plan = plan;
        this.store = store;
    }

    @Override
    public List<ActivityRef> activities(String initiativeId) {
        try {
            return plan.activities(initiativeId).stream().map(PlanActivityCatalogue::ref).toList();
        } catch (ProblemException notUsedThere) {
            return List.of(); // unknown initiative, or aligned activities not enabled for it
        }
    }

    /** Takes this module's turn in the initiative, which every change of its activities takes (RecordEdits, inTurn). */
    @Override
    public Optional<ActivityRef> held(Connection transaction, String initiativeId, String title) {
        store.holdUntilCommit(transaction, ActivitiesSchema.MODULE + ":" + initiativeId);
        String wanted = title == null ? "" : title.strip().toLowerCase(Locale.ROOT);
        return store.mapper(transaction, PlanRecords.class).activities(initiativeId).stream()
                .filter(a -> a.title().strip().toLowerCase(Locale.ROOT).equals(wanted)).findFirst()
                .map(PlanActivityCatalogue::ref);
    }

    private static ActivityRef ref(Activity activity) {
        return new ActivityRef(activity.id(), activity.title(), activity.ownerOrganisation());
    }
}
