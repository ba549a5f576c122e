package org.civicbackbone.api.module;

/** The kinds of decision whose authority a structure model settles. */
public enum DecisionType {
    /** Hiring or seconding backbone staff. */
    HIRE_STAFF,
    /** Accepting a grant. */
    ACCEPT_GRANT,
    /** Allocating funds to activities or partners. */
    ALLOCATE_FUNDS,
    /** Speaking publicly on behalf of the initiative. */
    SPEAK_ON_BEHALF,
    /** Adopting a policy position. */
    ADOPT_POLICY_POSITION,
    /** Adopting or revising the common agenda. */
    ADOPT_COMMON_AGENDA,
    /** Changing the structure model itself. */
    CHANGE_STRUCTURE
}
