package org.civicbackbone.api.rest;

/**
 * Who may call a resource method, from the widest to the narrowest audience. The initiative-scoped audiences are
 * judged on the initiative that the request matched: the {@value Allow#INITIATIVE} path parameter, decoded and with
 * matrix parameters removed, never the raw address. A person with no role in that initiative gets 404, as if it did
 * not exist.
 */
public enum Audience {
    /** Anyone, without logging in (health). */
    PUBLIC,
    /** Any person who has logged in (lists filtered to what they may see). */
    LOGGED_IN,
    /** Platform admins only (creating initiatives, installing modules). */
    PLATFORM_ADMINS,
    /** Anyone with a role in the initiative, observers included: reads. */
    READERS,
    /** Backbone staff, body members and partners of the initiative (not observers): function data, proposals, votes. */
    CONTRIBUTORS,
    /** Backbone staff of the initiative and platform admins: its set-up (settings, bodies, seats, indicators, budgets). */
    STAFF;

    /** Whether this audience is judged on a matched initiative. */
    public boolean initiativeScoped() {
        return this == READERS || this == CONTRIBUTORS || this == STAFF;
    }
}
