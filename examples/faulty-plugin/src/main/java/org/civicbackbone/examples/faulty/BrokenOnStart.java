package org.civicbackbone.examples.faulty;

import org.civicbackbone.api.module.BackboneFunction;
import org.civicbackbone.api.module.FunctionKind;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

/** Throws in activation, on purpose: the platform must report it and carry on. */
@Component(service = BackboneFunction.class, immediate = true)
public class BrokenOnStart implements BackboneFunction {

    @Activate
    public BrokenOnStart() {
        throw new IllegalStateException("deliberately broken in activation");
    }

    @Override
    public String id() {
        return "broken-on-start";
    }

    @Override
    public String name() {
        return "Broken on start";
    }

    @Override
    public FunctionKind kind() {
        return FunctionKind.CUSTOM;
    }

    @Override
    public String description() {
        return "never works";
    }
}
