package org.civicbackbone.policy.internal;

import org.civicbackbone.api.module.BackboneFunction;
import org.civicbackbone.api.module.FunctionKind;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Announces the function once its service (and schema) is ready. */
@Component(service = BackboneFunction.class)
public class PolicyFunction implements BackboneFunction {

    @Activate
    public PolicyFunction(@Reference Policy policy) {
        // the reference is the point: no function without a working service behind it
    }

    @Override
    public String id() {
        return Policy.FUNCTION_ID;
    }

    @Override
    public String name() {
        return "Policy";
    }

    @Override
    public FunctionKind kind() {
        return FunctionKind.POLICY;
    }

    @Override
    public String description() {
        return "Advance policy: the policy agenda from idea through adopted position to outcome, positions adopted by "
                + "decision, and each partner's endorsement, neutrality or dissent.";
    }
}
