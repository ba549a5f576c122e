package org.civicbackbone.api.initiative;

/** The sector a person or organisation comes from; cross-sector participation is a Collective Impact condition. */
public enum Sector {
    NONPROFIT, FUNDER, BUSINESS, PUBLIC_AGENCY, COMMUNITY_MEMBER
}
