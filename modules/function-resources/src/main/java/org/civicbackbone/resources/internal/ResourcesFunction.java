package org.civicbackbone.resources.internal;

import org.civicbackbone.api.module.BackboneFunction;
import org.civicbackbone.api.module.FunctionKind;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Announces the function once its service (and schema) is ready. */
@Component(service = BackboneFunction.class)
public class ResourcesFunction implements BackboneFunction {

    @Activate
    public ResourcesFunction(@Reference Resources resources) {
        // the reference is the point: no function without a working service behind it
    }

    @Override
    public String id() {
        return Resources.FUNCTION_ID;
    }

    @Override
    public String name() {
        return "Resources";
    }

    @Override
    public FunctionKind kind() {
        return FunctionKind.RESOURCES;
    }

    @Override
    public String description() {
        return "Mobilize resources: funders, grants from opportunity to agreement with reporting deadlines, money "
                + "received, the budget, and allocations to activities and partners, accepted and allocated by decision.";
    }
}
