package org.civicbackbone.measurement.internal;

import org.civicbackbone.api.module.BackboneFunction;
import org.civicbackbone.api.module.DescribedFunction;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Announces the function to the platform. It requires the working {@link SharedMeasurement} service, so the
 * function only counts as installed once its schema is migrated and it can serve.
 */
@Component(service = BackboneFunction.class)
public class MeasurementFunction extends DescribedFunction {

    /** Listed only while the service behind it works: the reference is the point. */
    @Activate
    public MeasurementFunction(@Reference SharedMeasurement measurement) {
        super(SharedMeasurement.DESCRIPTOR);
    }
}
