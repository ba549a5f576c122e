package org.civicbackbone.api.decision;

/** A member's answer to a proposal. */
public enum VoteChoice {
    APPROVE, OBJECT, BLOCK, ABSTAIN
}
