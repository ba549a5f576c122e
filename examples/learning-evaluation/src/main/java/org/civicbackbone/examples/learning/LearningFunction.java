package org.civicbackbone.examples.learning;

import org.civicbackbone.api.module.BackboneFunction;
import org.civicbackbone.api.module.FunctionKind;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Announces the function once its service (and schema) is ready. */
@Component(service = BackboneFunction.class)
public class LearningFunction implements BackboneFunction {

    @Activate
    public LearningFunction(@Reference Learning learning) {
        // registered only while the function can serve
    }

    @Override
    public String id() {
        return Learning.FUNCTION_ID;
    }

    @Override
    public String name() {
        return "Learning evaluation";
    }

    @Override
    public FunctionKind kind() {
        return FunctionKind.CUSTOM;
    }

    @Override
    public String description() {
        return "Use evaluation as a tool for learning: learning questions, the evidence on them, and the partners' "
                + "reflections, linked to shared indicators.";
    }
}
