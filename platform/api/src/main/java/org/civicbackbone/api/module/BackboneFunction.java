package org.civicbackbone.api.module;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Registered as an OSGi service by every function module. Its presence is what makes the function
 * "installed": the module catalogue follows these services as they come and go.
 */
@ConsumerType
public interface BackboneFunction {

    /** The function id, also the path segment under an initiative ({@code shared-measurement}). */
    String id();

    /** A human name ("Shared measurement"). */
    String name();

    /** Which of the six functions this is, or custom. */
    FunctionKind kind();

    /** One or two sentences on what the function does for a backbone team. */
    String description();
}
