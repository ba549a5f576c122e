package org.civicbackbone.rest.internal;

/**
 * Whether this node has been ready since its start (health's verdict, {@link StartupReadiness}): until then the REST
 * application may serve some resources and not yet others, so a 404 it answers says nothing about the address.
 */
public interface NodeStart {

    /** True once the node has been ready; it stays so (later module changes are served through, ADR 0007). */
    boolean hasBeenReady();
}
