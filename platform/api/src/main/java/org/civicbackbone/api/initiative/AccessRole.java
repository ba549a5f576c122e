package org.civicbackbone.api.initiative;

/** What a person may do in one initiative, from most to least. */
public enum AccessRole {
    /** A platform admin: everything, in every initiative. */
    PLATFORM_ADMIN,
    /** A member of the initiative's backbone team: reads and writes everything of the initiative. */
    BACKBONE_STAFF,
    /** A member of one of its governance bodies: reads everything, writes function data, proposes and votes. */
    BODY_MEMBER,
    /** A member of its partners body: reads everything, reports function data, proposes. */
    PARTNER,
    /** A member of its observers body: reads only. */
    OBSERVER;

    /** Whether this role may change the initiative itself: its settings, bodies and members. */
    public boolean governsSetup() {
        return this == PLATFORM_ADMIN || this == BACKBONE_STAFF;
    }

    /** Whether this role may write anything at all (function data, proposals, votes). */
    public boolean writes() {
        return this != OBSERVER;
    }
}
