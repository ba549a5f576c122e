package org.civicbackbone.activities.internal;

import org.civicbackbone.api.initiative.OrganisationReferences;
import org.civicbackbone.api.module.BackboneFunction;
import org.civicbackbone.api.module.FunctionNamingOrganisations;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Announces the function once its service (and schema) is ready; when two organisations are merged, its activities' owners follow
 * the one kept (ADR 0025).
 */
@Component(service = {BackboneFunction.class, OrganisationReferences.class})
public class AlignedActivitiesFunction extends FunctionNamingOrganisations {

    /** Listed only while the service behind it works: the reference is the point. */
    @Activate
    public AlignedActivitiesFunction(@Reference AlignedActivities activities) {
        super(AlignedActivities.DESCRIPTOR, "aa_activity.owner_organisation_id");
    }
}
