package org.civicbackbone.measurement.internal;

import org.civicbackbone.api.initiative.OrganisationReferences;
import org.civicbackbone.api.module.BackboneFunction;
import org.civicbackbone.api.module.FunctionNamingOrganisations;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Announces the function once its service (and schema) is ready; when two organisations are merged, its partners' values and its imports' scopes follow
 * the one kept (ADR 0025).
 */
@Component(service = {BackboneFunction.class, OrganisationReferences.class})
public class MeasurementFunction extends FunctionNamingOrganisations {

    /** Listed only while the service behind it works: the reference is the point. */
    @Activate
    public MeasurementFunction(@Reference SharedMeasurement measurement) {
        super(SharedMeasurement.DESCRIPTOR, "sm_value.organisation_id", "sm_import_scope.organisation_id");
    }
}
