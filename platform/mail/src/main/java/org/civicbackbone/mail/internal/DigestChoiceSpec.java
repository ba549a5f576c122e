package org.civicbackbone.mail.internal;

import jakarta.validation.constraints.NotNull;

/**
 * How often a person wants their digest.
 *
 * @param frequency DAILY, WEEKLY (Mondays) or NONE
 */
public record DigestChoiceSpec(@NotNull DigestChoice.Frequency frequency) {
}
