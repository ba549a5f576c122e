package org.civicbackbone.engagement.internal;

import org.civicbackbone.api.module.BackboneFunction;
import org.civicbackbone.api.module.FunctionKind;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Announces the function once its service (and schema) is ready. */
@Component(service = BackboneFunction.class)
public class EngagementFunction implements BackboneFunction {

    @Activate
    public EngagementFunction(@Reference CommunityEngagement engagement) {
        // the reference is the point: no function without a working service behind it
    }

    @Override
    public String id() {
        return CommunityEngagement.FUNCTION_ID;
    }

    @Override
    public String name() {
        return "Community engagement";
    }

    @Override
    public FunctionKind kind() {
        return FunctionKind.COMMUNITY_ENGAGEMENT;
    }

    @Override
    public String description() {
        return "Build public will and cultivate community engagement: communications with key messages, official "
                + "statements by decision with an authorised spokesperson, and engagement events by sector.";
    }
}
