package org.civicbackbone.api.decision;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Registered by a module that proposes governed actions: called once a proposal reaches its outcome, after the
 * outcome is committed. The module acts only on {@link ProposalState#APPROVED} proposals it made
 * ({@link Proposal#module()}).
 */
@ConsumerType
public interface DecisionListener {

    /** A proposal was approved, rejected, withdrawn or expired. */
    void decided(Proposal proposal);
}
