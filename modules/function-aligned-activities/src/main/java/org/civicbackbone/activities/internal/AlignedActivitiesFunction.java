package org.civicbackbone.activities.internal;

import org.civicbackbone.api.module.BackboneFunction;
import org.civicbackbone.api.module.FunctionKind;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Announces the function once its service (and schema) is ready. */
@Component(service = BackboneFunction.class)
public class AlignedActivitiesFunction implements BackboneFunction {

    @Activate
    public AlignedActivitiesFunction(@Reference AlignedActivities activities) {
        // the reference is the point: no function without a working service behind it
    }

    @Override
    public String id() {
        return AlignedActivities.FUNCTION_ID;
    }

    @Override
    public String name() {
        return "Aligned activities";
    }

    @Override
    public FunctionKind kind() {
        return FunctionKind.ALIGNED_ACTIVITIES;
    }

    @Override
    public String description() {
        return "Support aligned activities: the joint plan of action owned by partners and linked to goals, working "
                + "groups with co-chairs, meetings with materials out early, minutes and action items, and gaps and overlaps.";
    }
}
