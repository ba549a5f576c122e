package org.civicbackbone.api.module;

/** How one body reaches its answer in an approval step. */
public enum DecisionRule {
    /** No member blocks and a quorum took part. */
    CONSENSUS,
    /** More approvals than objections among those voting, with a quorum. */
    MAJORITY,
    /** At least two thirds of those voting approve, with a quorum. */
    TWO_THIRDS,
    /** One accountable officer (for example the chair or CEO) decides alone. */
    ACCOUNTABLE_OFFICER,
    /** The decision is not open to this model at all (for example hiring in an all-volunteer backbone). */
    NOT_PERMITTED
}
