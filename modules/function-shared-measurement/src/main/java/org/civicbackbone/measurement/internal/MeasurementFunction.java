package org.civicbackbone.measurement.internal;

import org.civicbackbone.api.module.BackboneFunction;
import org.civicbackbone.api.module.FunctionKind;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Announces the function to the platform. It requires the working {@link SharedMeasurement} service, so the
 * function only counts as installed once its schema is migrated and it can serve.
 */
@Component(service = BackboneFunction.class)
public class MeasurementFunction implements BackboneFunction {

    @Activate
    public MeasurementFunction(@Reference SharedMeasurement measurement) {
        // the reference is the point: no function without a working service behind it
    }

    @Override
    public String id() {
        return SharedMeasurement.FUNCTION_ID;
    }

    @Override
    public String name() {
        return "Shared measurement";
    }

    @Override
    public FunctionKind kind() {
        return FunctionKind.SHARED_MEASUREMENT;
    }

    @Override
    public String description() {
        return "Shared indicators with baselines and targets, values reported by partners per period, "
                + "progress toward targets, and CSV import and export.";
    }
}
