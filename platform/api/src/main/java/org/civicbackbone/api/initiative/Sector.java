package org.civicbackbone.api.initiative;

/**
 * The sector a person or organisation comes from; cross-sector participation is a Collective Impact condition.
 * Constants are only ever added (a consumer's {@code switch} needs a default).
 */
public enum Sector {
    NONPROFIT, FUNDER, BUSINESS, PUBLIC_AGENCY, COMMUNITY_MEMBER,
    EDUCATION, YOUTH, HEALTH, FAITH, PHILANTHROPY, WORKFORCE, HOUSING
}
