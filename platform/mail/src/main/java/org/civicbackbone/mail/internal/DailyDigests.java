package org.civicbackbone.mail.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import javax.mail.MessagingException;
import javax.mail.internet.AddressException;
import javax.mail.internet.InternetAddress;
import org.civicbackbone.api.console.PersonalWork;
import org.civicbackbone.api.initiative.Initiative;
import org.civicbackbone.api.initiative.InitiativeService;
import org.civicbackbone.api.initiative.Person;
import org.civicbackbone.api.initiative.PersonRegistry;
import org.civicbackbone.api.login.Login;
import org.civicbackbone.api.login.LoginDirectory;
import org.civicbackbone.api.problem.Problem;
import org.civicbackbone.api.problem.ProblemException;
import org.civicbackbone.api.store.BackboneStore;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends each person with a login and an e-mail address on record a digest of what waits for them, once a day at the
 * hour set in {@code etc/org.civicbackbone.mail.cfg} (ADR 0036). Off until a hosting organisation names its SMTP server
 * there: the platform never sends mail it was not asked to. Looks once a minute whether the day's digests are due;
 * once they are all sent (or have nothing to tell), it waits for the next day, and while some fail it tries them again
 * every quarter of an hour.
 */
@Component(service = DailyDigests.class, configurationPid = "org.civicbackbone.mail", immediate = true)
@Designate(ocd = MailSettings.Config.class)
public class DailyDigests {

    /**
     * What an admin sees of the mail: whether it is on (and if not, why), where it goes, when, and the day's log.
     *
     * @param enabled whether digests are sent
     * @param off     why they are not, or null
     * @param server  the SMTP server, host:port
     * @param from    the sender
     * @param sendAt  the time of day they go out
     * @param zone    the time zone of that time and of the days
     * @param day     the day of the log
     * @param digests the day's digests
     */
    public record Status(boolean enabled, String off, String server, String from, String sendAt, String zone,
                         LocalDate day, List<Digest> digests) {
    }

    /** How long failed digests wait before they are tried again. */
    private static final Duration RETRY = Duration.ofMinutes(15);
    private static final Logger LOG = LoggerFactory.getLogger(DailyDigests.class);

    private final MailSettings settings;
    private final LoginDirectory logins;
    private final PersonRegistry people;
    private final InitiativeService initiatives;
    private final Clock clock;
    private final DigestChoices choices;
    private final StopLinks stop;
    private final DigestRound round;
    private final ScheduledThreadPoolExecutor timer;
    /** The day whose digests are all done, and when a round may next be tried: touched by the timer thread only. */
    private LocalDate doneFor;
    private Instant nextTry = Instant.MIN;

    @Activate
    public DailyDigests(MailSettings.Config config, @Reference BackboneStore store, @Reference PersonalWork work,
                        @Reference LoginDirectory logins, @Reference PersonRegistry people,
                        @Reference InitiativeService initiatives) {
        this(config, store, work, logins, people, initiatives, Clock.systemUTC());
    }

    DailyDigests(MailSettings.Config config, BackboneStore store, PersonalWork work, LoginDirectory logins,
                 PersonRegistry people, InitiativeService initiatives, Clock clock) {
        this.settings = new MailSettings(config, clock);
        this.logins = logins;
        this.people = people;
        this.initiatives = initiatives;
        this.clock = clock;
        store.migrate(MailSchema.MODULE, MailSchema.MIGRATIONS); // once, for the choices, the keys and the log
        this.choices = new DigestChoices(store, clock);
        this.stop = new StopLinks(store);
        this.round = new DigestRound(store, work, choices, stop, settings.postbox(), clock, settings.daysAhead(),
                settings.console(), settings.zone());
        if (settings.off() != null && config.enabled()) {
            LOG.error("The daily digests are off: {}", settings.off());
        }
        this.timer = settings.off() == null ? newTimer() : null;
        if (timer != null) {
            timer.scheduleWithFixedDelay(this::tick, 1, 1, TimeUnit.MINUTES);
            LOG.info("Daily digests go out at {} ({}) through {}", settings.sendAt(), settings.zone(),
                    settings.server());
        }
    }

    @Deactivate
    void stop() {
        if (timer != null) {
            timer.shutdownNow();
        }
    }

    /** Today, where the digests are read. */
    LocalDate today() {
        return LocalDate.now(clock.withZone(settings.zone()));
    }

    /** Whether mail is on, where it goes and today's log. */
    public Status status() {
        return new Status(settings.off() == null, settings.off(), settings.server(), settings.from(),
                settings.sendAt() == null ? null : settings.sendAt().toString(), settings.zone().getId(), today(),
                round.log(today()));
    }

    /**
     * Sends today's digests that are due now, whatever the time of day; answers today's log. Refused (409) while the
     * digests are off.
     */
    public List<Digest> sendToday() {
        if (settings.off() != null) {
            throw new ProblemException(Problem.conflict(settings.off()));
        }
        LocalDate today = today();
        return round.send(today, recipients(), initiativeNames());
    }

    /** Where a test letter went. */
    public record TestLetter(String to, String server) {
    }

    /**
     * Sends a letter that says only that mail works, to check the settings; also while the digests are not enabled.
     * Refused with 400 naming {@code to} when it is not an address, 409 while the settings are wrong, and 502 with
     * what the mail server said when it cannot be reached or refuses the letter.
     */
    public TestLetter sendTestLetter(String to) {
        String address = to == null ? "" : to.strip();
        try {
            new InternetAddress(address, true).validate();
        } catch (AddressException e) {
            throw ProblemException.invalid("to", "must be an e-mail address such as 'ann@example.org'");
        }
        if (settings.wrong() != null) {
            throw new ProblemException(Problem.conflict(settings.wrong()));
        }
        try {
            settings.postbox().send(new Letter(address, "Civic Backbone can send you e-mail", "This letter shows that "
                    + "Civic Backbone reaches its mail server, " + settings.server() + ". The daily digests go out at "
                    + settings.sendAt() + " (" + settings.zone().getId() + ")"
                    + (settings.off() == null ? "" : ", once they are enabled") + ".\n"));
        } catch (MessagingException e) {
            throw new ProblemException(new Problem("urn:civicbackbone:problem:mail-server", "Bad Gateway", 502,
                    "The mail server at " + settings.server() + " did not take the letter: " + e.getMessage()
                            + (e.getCause() == null ? "" : " (" + e.getCause().getMessage() + ")"), List.of()));
        }
        return new TestLetter(address, settings.server());
    }

    /**
     * What a person sees of their own digest: where it goes, how often, and whether digests are sent at all.
     *
     * @param addresses the addresses on their records; none means no digest whatever they choose
     * @param frequency how often they chose to get it (daily until they choose)
     * @param sent      whether the platform sends digests at all
     * @param sendAt    the time of day they go out
     * @param zone      the time zone of that time
     */
    public record MyDigest(List<String> addresses, DigestChoice.Frequency frequency, boolean sent, String sendAt,
                           String zone) {
    }

    /** The login's own digest. */
    public MyDigest mine(String login) {
        List<Recipient> me = Recipient.of(List.of(new Login(login, false, List.of())), people::withLogin);
        return new MyDigest(me.isEmpty() ? List.of() : me.get(0).addresses(), choices.of(login),
                settings.off() == null, settings.sendAt() == null ? null : settings.sendAt().toString(),
                settings.zone().getId());
    }

    /** Records how often the login wants its digest; the login's own digest then. */
    public MyDigest choose(String login, DigestChoice.Frequency frequency) {
        choices.choose(login, frequency);
        return mine(login);
    }

    /**
     * Stops the login's digest through a letter's link, nobody signing in: its choice becomes NONE. A token that is not
     * the login's is a 400 naming {@code token}, whoever the login is (it tells nothing of who has a login).
     */
    public MyDigest stopThroughLink(String login, String token) {
        if (!stop.verifies(login, token)) {
            throw ProblemException.invalid("token", "is not the link of a letter to this login; open the link in "
                    + "the letter again, or choose on My e-mail once signed in");
        }
        choices.choose(login, DigestChoice.Frequency.NONE);
        LOG.info("The digest of {} stopped through its letter's link", login);
        return new MyDigest(List.of(), DigestChoice.Frequency.NONE, settings.off() == null,
                settings.sendAt() == null ? null : settings.sendAt().toString(), settings.zone().getId());
    }

    /** Looks whether today's digests are due, and sends them; never throws, or the schedule would stop. */
    private void tick() {
        try {
            Instant now = clock.instant();
            LocalDate today = today();
            if (today.equals(doneFor) || now.isBefore(nextTry)
                    || ZonedDateTime.now(clock.withZone(settings.zone())).toLocalTime().isBefore(settings.sendAt())) {
                return;
            }
            List<Digest> log = sendToday();
            if (log.stream().noneMatch(DigestRound::due)) {
                doneFor = today;
            } else {
                nextTry = now.plus(RETRY);
            }
        } catch (RuntimeException e) {
            LOG.warn("The daily digests could not be sent; trying again in {} minutes", RETRY.toMinutes(), e);
            nextTry = clock.instant().plus(RETRY);
        }
    }

    /** Every login with an e-mail address on an initiative's record: the people's records in one read. */
    List<Recipient> recipients() {
        Map<String, List<Person>> byLogin = people.withAnyLogin().stream()
                .collect(Collectors.groupingBy(Person::username));
        return Recipient.of(logins.logins(), login -> byLogin.getOrDefault(login, List.of()));
    }

    private Map<String, String> initiativeNames() {
        Map<String, String> names = new LinkedHashMap<>();
        for (Initiative initiative : initiatives.list()) {
            names.put(initiative.id(), initiative.name());
        }
        return names;
    }

    private static ScheduledThreadPoolExecutor newTimer() {
        ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "backbone-daily-digests");
            t.setDaemon(true);
            return t;
        });
        timer.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        return timer;
    }
}
