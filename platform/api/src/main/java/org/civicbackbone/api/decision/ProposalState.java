package org.civicbackbone.api.decision;

/** Where a proposal stands. */
public enum ProposalState {
    OPEN, APPROVED, REJECTED, WITHDRAWN, EXPIRED
}
