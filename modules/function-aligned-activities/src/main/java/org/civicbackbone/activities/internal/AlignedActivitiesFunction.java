package org.civicbackbone.activities.internal;

import java.sql.Connection;
import org.civicbackbone.api.initiative.OrganisationReferences;
import org.civicbackbone.api.module.BackboneFunction;
import org.civicbackbone.api.module.DescribedFunction;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Announces the function once its service (and schema) is ready. */
@Component(service = {BackboneFunction.class, OrganisationReferences.class})
public class AlignedActivitiesFunction extends DescribedFunction implements OrganisationReferences {

    private final AlignedActivities activities;

    /** Listed only while the service behind it works: the reference is the point. */
    @Activate
    public AlignedActivitiesFunction(@Reference AlignedActivities activities) {
        super(AlignedActivities.DESCRIPTOR);
        this.activities = activities;
    }

    /** Moves its activities' owners to the organisation kept when two are merged (ADR 0025). */
    @Override
    public void repoint(Connection connection, String initiativeId, long fromId, long intoId) {
        PlanRecords records = activities.store().mapper(connection, PlanRecords.class);
        records.repointOwners(fromId, intoId);
    }
}
