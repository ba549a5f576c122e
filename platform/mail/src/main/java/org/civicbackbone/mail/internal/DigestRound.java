package org.civicbackbone.mail.internal;

import java.net.URI;
import java.sql.Connection;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.mail.MessagingException;
import org.civicbackbone.api.console.PersonalWork;
import org.civicbackbone.api.store.BackboneStore;
import org.civicbackbone.mail.internal.Digest.State;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends a day's digests: to each address of each login, once, as often as the person chose (daily until they
 * choose). Each digest is written to the log as being sent before
 * it is handed to the mail server, and as sent once the server took it, so that a crash between the two sends it
 * again rather than never (a reminder twice is better than none); one the server refused is tried again later that day,
 * up to {@link #MOST_ATTEMPTS} times. The round holds a lock of every node on the database, so two nodes never send
 * the same digest.
 */
final class DigestRound {

    /** How many times a day's digest to one address is tried. */
    static final int MOST_ATTEMPTS = 3;
    /** How many days the log keeps. */
    static final int KEPT_DAYS = 90;
    private static final Logger LOG = LoggerFactory.getLogger(DigestRound.class);

    private final BackboneStore store;
    private final PersonalWork work;
    private final DigestChoices choices;
    private final StopLinks stop;
    private final Postbox postbox;
    private final Clock clock;
    private final int daysAhead;
    private final URI console;
    private final ZoneId zone;

    DigestRound(BackboneStore store, PersonalWork work, DigestChoices choices, StopLinks stop, Postbox postbox,
                Clock clock, int daysAhead, URI console, ZoneId zone) {
        this.store = store;
        this.work = work;
        this.choices = choices;
        this.stop = stop;
        this.postbox = postbox;
        this.clock = clock;
        this.daysAhead = daysAhead;
        this.console = console;
        this.zone = zone;
    }

    /** Whether a digest in the log is still to be sent: never tried, cut short by a crash, or failed too few times. */
    static boolean due(Digest digest) {
        return digest == null || digest.state() == State.SENDING
                || digest.state() == State.FAILED && digest.attempts() < MOST_ATTEMPTS;
    }

    /**
     * Sends the day's digests that are due and answers the day's log.
     *
     * @param initiatives initiative names by id, for the votes
     */
    List<Digest> send(LocalDate day, List<Recipient> recipients, Map<String, String> initiatives) {
        return store.exclusively("mail:digests", () -> {
            int sent = 0;
            int failed = 0;
            Map<String, DigestChoice.Frequency> chosen = choices.all();
            // the day's log read once: under the lock nobody else writes it while the round runs
            Map<String, Digest> logged = new HashMap<>();
            log(day).forEach(d -> logged.put(key(d.login(), d.address()), d));
            for (Recipient recipient : recipients) {
                if (!chosen.getOrDefault(recipient.login(), DigestChoice.Frequency.DAILY).sendsOn(day)) {
                    continue; // they asked for none, or for Mondays only
                }
                List<String> due = recipient.addresses().stream()
                        .filter(a -> due(logged.get(key(recipient.login(), a)))).toList();
                if (due.isEmpty()) {
                    continue;
                }
                DigestLetter letter = DigestLetter.of(day, daysAhead,
                        work.items(recipient.login(), recipient.platformAdmin()),
                        work.awaitingVote(recipient.login(), recipient.platformAdmin()));
                for (String address : due) {
                    Digest before = logged.get(key(recipient.login(), address));
                    int attempts = before == null ? 0 : before.attempts();
                    if (letter.size() == 0) {
                        log(before, new Digest(recipient.login(), address, day, State.NOTHING, 0, attempts,
                                clock.instant(), null));
                        continue;
                    }
                    Digest sending = log(before, new Digest(recipient.login(), address, day, State.SENDING,
                            letter.size(), attempts + 1, clock.instant(), null));
                    try {
                        postbox.send(letter.to(address, recipient.name(), recipient.login(), day, initiatives,
                                console, zone, stop));
                        log(sending, new Digest(recipient.login(), address, day, State.SENT, letter.size(),
                                attempts + 1, clock.instant(), null));
                        sent++;
                    } catch (MessagingException | RuntimeException e) {
                        LOG.warn("The digest of {} for {} to {} was not sent (attempt {} of {}): {}", day,
                                recipient.login(), address, attempts + 1, MOST_ATTEMPTS, e.toString());
                        log(sending, new Digest(recipient.login(), address, day, State.FAILED, letter.size(),
                                attempts + 1, clock.instant(), refusal(e)));
                        failed++;
                    }
                }
            }
            store.inTransaction(c -> records(c).forgetBefore(day.minusDays(KEPT_DAYS)));
            if (sent + failed > 0) {
                LOG.info("Digests of {}: {} sent, {} not sent", day, sent, failed);
            }
            return store.read(c -> records(c).ofDay(day));
        });
    }

    /** The day's log. */
    List<Digest> log(LocalDate day) {
        return store.read(c -> records(c).ofDay(day));
    }

    private static String key(String login, String address) {
        return login + "\u0000" + address;
    }

    /** Writes the digest's new state, committed before anything else happens. */
    private Digest log(Digest before, Digest now) {
        store.inTransaction(c -> {
            if (before == null) {
                records(c).insert(now);
            } else {
                records(c).update(now);
            }
            return null;
        });
        return now;
    }

    /** What the mail server said, or why it could not be reached, short enough for the log. */
    private static String refusal(Exception e) {
        String said = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().strip();
        Throwable cause = e.getCause();
        if (cause != null && cause.getMessage() != null && !said.contains(cause.getMessage())) {
            said += ": " + cause.getMessage().strip();
        }
        return said.length() > 1000 ? said.substring(0, 997) + "..." : said;
    }

    private DigestRecords records(Connection c) {
        return store.mapper(c, DigestRecords.class);
    }
}
