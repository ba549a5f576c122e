package org.civicbackbone.activities.internal;

import org.civicbackbone.api.module.BackboneFunction;
import org.civicbackbone.api.module.DescribedFunction;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Announces the function once its service (and schema) is ready. */
@Component(service = BackboneFunction.class)
public class AlignedActivitiesFunction extends DescribedFunction {

    /** Listed only while the service behind it works: the reference is the point. */
    @Activate
    public AlignedActivitiesFunction(@Reference AlignedActivities activities) {
        super(AlignedActivities.DESCRIPTOR);
    }
}
