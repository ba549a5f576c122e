package org.civicbackbone.resources.internal;

import java.sql.Connection;
import org.civicbackbone.api.initiative.OrganisationReferences;
import org.civicbackbone.api.module.BackboneFunction;
import org.civicbackbone.api.module.DescribedFunction;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Announces the function once its service (and schema) is ready. */
@Component(service = {BackboneFunction.class, OrganisationReferences.class})
public class ResourcesFunction extends DescribedFunction implements OrganisationReferences {

    private final Resources resources;

    /** Listed only while the service behind it works: the reference is the point. */
    @Activate
    public ResourcesFunction(@Reference Resources resources) {
        super(Resources.DESCRIPTOR);
        this.resources = resources;
    }

    /** Moves its funders and allocations' beneficiaries to the organisation kept when two are merged (ADR 0025). */
    @Override
    public void repoint(Connection connection, String initiativeId, long fromId, long intoId) {
        FundingRecords records = resources.store().mapper(connection, FundingRecords.class);
        records.repointFunders(fromId, intoId);
        records.repointBeneficiaries(fromId, intoId);
    }
}
