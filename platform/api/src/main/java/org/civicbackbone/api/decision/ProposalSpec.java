package org.civicbackbone.api.decision;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.civicbackbone.api.module.DecisionType;

/**
 * What a caller gives to open a proposal.
 *
 * @param type          the decision type
 * @param title         what is proposed
 * @param description   the case for it (optional)
 * @param beneficiary   the organisation that would receive funds or employ the person (optional)
 * @param expiresInDays how long the bodies have to decide, 1 to 90 days (14 when absent)
 */
public record ProposalSpec(@NotNull DecisionType type, @NotBlank @Size(max = 300) String title,
                           @Size(max = 4000) String description, @Size(max = 200) String beneficiary,
                           @Min(1) @Max(90) Integer expiresInDays) {
}
