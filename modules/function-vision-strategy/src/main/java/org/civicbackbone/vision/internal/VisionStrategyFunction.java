package org.civicbackbone.vision.internal;

import org.civicbackbone.api.module.BackboneFunction;
import org.civicbackbone.api.module.FunctionKind;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Announces the function once its service (and schema) is ready. */
@Component(service = BackboneFunction.class)
public class VisionStrategyFunction implements BackboneFunction {

    @Activate
    public VisionStrategyFunction(@Reference VisionStrategy visionStrategy) {
        // the reference is the point: no function without a working service behind it
    }

    @Override
    public String id() {
        return VisionStrategy.FUNCTION_ID;
    }

    @Override
    public String name() {
        return "Vision and strategy";
    }

    @Override
    public FunctionKind kind() {
        return FunctionKind.VISION_STRATEGY;
    }

    @Override
    public String description() {
        return "The common agenda: problem statement, shared vision, goals tracked by shared indicators, and the "
                + "strategies under them; drafted in versions, adopted by the initiative's bodies.";
    }
}
