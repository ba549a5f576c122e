package org.civicbackbone.api.module;

import java.util.List;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Registered as an OSGi service by every structure model module: the bodies the model requires and its
 * default accountability rules, as data. The governance engine enforces them.
 */
@ConsumerType
public interface StructureModel {

    /** The model id ({@code nested}, {@code stand-alone}, ...). */
    String id();

    /** A human name. */
    String name();

    /** What the model is, in a sentence or two. */
    String description();

    /** The governance bodies an initiative on this model must have. */
    List<BodyRequirement> requiredBodies();

    /** The default accountability rule per decision type. */
    List<AccountabilityRule> accountabilityRules();
}
