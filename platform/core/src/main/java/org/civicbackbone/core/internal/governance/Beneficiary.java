package org.civicbackbone.core.internal.governance;

import org.civicbackbone.api.initiative.Membership;
import org.civicbackbone.api.initiative.OrganisationName;

/**
 * The organisation a proposal would benefit, as named and, when the initiative's registry knows it, as its record:
 * a seat held for that organisation, under any of its names or aliases, may not vote on the proposal.
 *
 * @param name           the beneficiary as the proposal names it, or null for none
 * @param organisationId its record in the organisation registry, or null when the registry does not know it
 */
record Beneficiary(String name, Long organisationId) {

    static final Beneficiary NONE = new Beneficiary(null, null);

    /** Whether the seat is held for the beneficiary. */
    boolean sitsFor(Membership seat) {
        if (name == null) {
            return false;
        }
        return organisationId != null && organisationId.equals(seat.organisationId())
                || OrganisationName.same(seat.organisation(), name);
    }
}
