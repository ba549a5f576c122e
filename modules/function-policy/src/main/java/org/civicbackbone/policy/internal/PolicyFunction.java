package org.civicbackbone.policy.internal;

import java.sql.Connection;
import org.civicbackbone.api.initiative.OrganisationReferences;
import org.civicbackbone.api.module.BackboneFunction;
import org.civicbackbone.api.module.DescribedFunction;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Announces the function once its service (and schema) is ready. */
@Component(service = {BackboneFunction.class, OrganisationReferences.class})
public class PolicyFunction extends DescribedFunction implements OrganisationReferences {

    private final Policy policy;

    /** Listed only while the service behind it works: the reference is the point. */
    @Activate
    public PolicyFunction(@Reference Policy policy) {
        super(Policy.DESCRIPTOR);
        this.policy = policy;
    }

    /** Moves its stances to the organisation kept when two are merged (ADR 0025). */
    @Override
    public void repoint(Connection connection, String initiativeId, long fromId, long intoId) {
        PolicyRecords records = policy.store().mapper(connection, PolicyRecords.class);
        records.repointStances(fromId, intoId);
    }
}
