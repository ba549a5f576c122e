package org.civicbackbone.api.decision;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * What a member gives to vote.
 *
 * @param choice approve, object, block or abstain
 * @param reason why, kept on record (dissent included)
 */
public record VoteSpec(@NotNull VoteChoice choice, @NotBlank @Size(max = 2000) String reason) {
}
