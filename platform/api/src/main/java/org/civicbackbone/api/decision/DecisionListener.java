package org.civicbackbone.api.decision;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Registered by a module that proposes governed actions: called once a proposal reaches its outcome, after the
 * outcome is committed. The module acts only on {@link ProposalState#APPROVED} proposals it made
 * ({@link Proposal#module()}).
 *
 * <p>At most once: a process stopped between the outcome's commit and this call never makes it. Keep the proposal
 * the durable state: read its outcome where it is needed ({@link DecisionService#proposalsById}), as the platform's
 * function modules do, or make the effect idempotent and apply the approved proposals it has not reached yet on a
 * schedule, as the core's staff hires and rule changes do.
 */
@ConsumerType
public interface DecisionListener {

    /** A proposal was approved, rejected, withdrawn or expired. */
    void decided(Proposal proposal);
}
