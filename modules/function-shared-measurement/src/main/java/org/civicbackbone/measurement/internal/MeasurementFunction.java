package org.civicbackbone.measurement.internal;

import java.sql.Connection;
import org.civicbackbone.api.initiative.OrganisationReferences;
import org.civicbackbone.api.module.BackboneFunction;
import org.civicbackbone.api.module.DescribedFunction;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Announces the function to the platform. It requires the working {@link SharedMeasurement} service, so the
 * function only counts as installed once its schema is migrated and it can serve.
 */
@Component(service = {BackboneFunction.class, OrganisationReferences.class})
public class MeasurementFunction extends DescribedFunction implements OrganisationReferences {

    private final SharedMeasurement measurement;

    /** Listed only while the service behind it works: the reference is the point. */
    @Activate
    public MeasurementFunction(@Reference SharedMeasurement measurement) {
        super(SharedMeasurement.DESCRIPTOR);
        this.measurement = measurement;
    }

    /** Moves its partners' values and imports' scopes to the organisation kept when two are merged (ADR 0025). */
    @Override
    public void repoint(Connection connection, String initiativeId, long fromId, long intoId) {
        MeasurementRecords records = measurement.store().mapper(connection, MeasurementRecords.class);
        records.repointValues(fromId, intoId);
        records.repointImportScopes(fromId, intoId);
    }
}
