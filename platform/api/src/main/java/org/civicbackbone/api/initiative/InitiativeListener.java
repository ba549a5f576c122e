package org.civicbackbone.api.initiative;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Registered as a service by modules that act when an initiative is created (for example to add their part of
 * the demo data). Called after the creation is committed, on the creating thread; a listener that throws is
 * logged and does not undo the creation.
 */
@ConsumerType
public interface InitiativeListener {

    /** An initiative was created. */
    void initiativeCreated(Initiative initiative);
}
