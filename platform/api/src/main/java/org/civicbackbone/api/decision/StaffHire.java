package org.civicbackbone.api.decision;

import java.time.Instant;

/**
 * A proposed hire (or secondment) of backbone staff: a governed action that takes effect, by adding the person to
 * the initiative's backbone team, only when its proposal is approved.
 *
 * @param proposalId   the proposal that decides it
 * @param initiativeId the initiative
 * @param person       who would be hired
 * @param username     their login, if they have one
 * @param role         the role ("data coordinator")
 * @param organisation the organisation that would employ them
 * @param state        the proposal's state
 * @param hiredAt      when the hire took effect, or null while it has not
 */
public record StaffHire(long proposalId, String initiativeId, String person, String username, String role,
                        String organisation, ProposalState state, Instant hiredAt) {
}
