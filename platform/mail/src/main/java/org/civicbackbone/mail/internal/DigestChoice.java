package org.civicbackbone.mail.internal;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;

/**
 * How often a person wants the digest, as they chose it.
 *
 * @param login     whose choice
 * @param frequency how often
 * @param chosenAt  when they chose it
 */
public record DigestChoice(String login, Frequency frequency, Instant chosenAt) {

    /** How often a digest goes. */
    public enum Frequency {
        /** Every day (as shipped). */
        DAILY,
        /** On Mondays only, with the week's days ahead. */
        WEEKLY,
        /** Never. */
        NONE;

        /** Whether a digest of that day goes to a person with this choice. */
        boolean sendsOn(LocalDate day) {
            return this == DAILY || this == WEEKLY && day.getDayOfWeek() == DayOfWeek.MONDAY;
        }
    }
}
