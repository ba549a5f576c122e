package org.civicbackbone.examples.faulty;

import org.civicbackbone.api.module.BackboneFunction;
import org.civicbackbone.api.module.FunctionKind;
import org.osgi.service.component.annotations.Component;

/** A function that registers fine; its resource fails every request. */
@Component(service = BackboneFunction.class)
public class FaultyFunction implements BackboneFunction {

    @Override
    public String id() {
        return "faulty";
    }

    @Override
    public String name() {
        return "Faulty";
    }

    @Override
    public FunctionKind kind() {
        return FunctionKind.CUSTOM;
    }

    @Override
    public String description() {
        return "fails every request, on purpose";
    }
}
