package org.civicbackbone.api.decision;

import java.time.Instant;

/**
 * One vote as cast. Votes are never changed: a member who changes their mind casts a new vote, and the latest
 * vote of each member counts.
 *
 * @param id           sequence number
 * @param proposalId   the proposal
 * @param stepIndex    the step of the chain it was cast in
 * @param voter        the member's login
 * @param organisation the organisation the member sits for
 * @param choice       approve, object, block or abstain
 * @param reason       why
 * @param castAt       when
 */
public record Vote(long id, long proposalId, int stepIndex, String voter, String organisation, VoteChoice choice,
                   String reason, Instant castAt) {
}
