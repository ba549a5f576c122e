package org.civicbackbone.api.module;

import java.util.Objects;

/**
 * What a function module says about itself: the data behind its {@link BackboneFunction} service.
 *
 * @param id          the function id, also the path segment under an initiative ({@code shared-measurement})
 * @param name        a human name ("Shared measurement")
 * @param kind        which of the six functions this is, or custom
 * @param description one or two sentences on what the function does for a backbone team
 */
public record FunctionDescriptor(String id, String name, FunctionKind kind, String description) {

    /** Refuses a descriptor with a missing part: the catalogue and the console show every one of them. */
    public FunctionDescriptor {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(description, "description");
    }
}
