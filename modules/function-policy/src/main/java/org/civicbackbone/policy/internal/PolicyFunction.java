package org.civicbackbone.policy.internal;

import org.civicbackbone.api.initiative.OrganisationReferences;
import org.civicbackbone.api.module.BackboneFunction;
import org.civicbackbone.api.module.FunctionNamingOrganisations;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Announces the function once its service (and schema) is ready; when two organisations are merged, its stances follow
 * the one kept (ADR 0025).
 */
@Component(service = {BackboneFunction.class, OrganisationReferences.class})
public class PolicyFunction extends FunctionNamingOrganisations {

    /** Listed only while the service behind it works: the reference is the point. */
    @Activate
    public PolicyFunction(@Reference Policy policy) {
        super(Policy.DESCRIPTOR, "pol_stance.organisation_id");
    }
}
