package org.civicbackbone.api.module;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A function's demo data, registered as a service by the function module. The platform loads it into every demo
 * initiative that uses the function, once the function is listed (so loading passes the same checks as any request),
 * and into each demo initiative created later; it asks {@link #loadedInto} first, so a restart or a reinstall of the
 * module loads nothing twice. Calls for one service never overlap.
 */
@ConsumerType
public interface DemoData {

    /** The function whose demo this is ({@link BackboneFunction#id()}). */
    String functionId();

    /** Whether the initiative already holds this demo: the module remembers it in its own tables. */
    boolean loadedInto(String initiativeId);

    /** Loads the demo into the initiative through the function's own rules, and remembers that it did. */
    void loadInto(String initiativeId);
}
