package org.civicbackbone.mail.internal;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One day's digest to one address of a login, as the log keeps it.
 *
 * @param login    whose work it tells
 * @param address  where it went
 * @param digestDay the day it is of
 * @param state    what became of it
 * @param items    how many things it told (days, things needing attention, votes)
 * @param attempts how many times it was tried
 * @param notedAt  when it was last tried, sent or found to have nothing to tell
 * @param error    the mail server's refusal, when it failed
 */
public record Digest(String login, String address, LocalDate digestDay, State state, int items, int attempts,
                     Instant notedAt, String error) {

    /** What became of a day's digest. */
    public enum State {
        /** Being handed to the mail server: a crash now leaves it to be sent again. */
        SENDING,
        /** The mail server took it. */
        SENT,
        /** Nothing waited for the person that day: no letter. */
        NOTHING,
        /** The mail server could not be reached or refused it; tried again later that day. */
        FAILED
    }
}
