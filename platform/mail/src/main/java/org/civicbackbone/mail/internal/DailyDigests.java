package org.civicbackbone.mail.internal;

import java.net.URI;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import javax.mail.MessagingException;
import javax.mail.internet.AddressException;
import javax.mail.internet.InternetAddress;
import org.civicbackbone.api.console.PersonalWork;
import org.civicbackbone.api.initiative.Initiative;
import org.civicbackbone.api.initiative.InitiativeService;
import org.civicbackbone.api.initiative.PersonRegistry;
import org.civicbackbone.api.login.LoginDirectory;
import org.civicbackbone.api.problem.Problem;
import org.civicbackbone.api.problem.ProblemException;
import org.civicbackbone.api.store.BackboneStore;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
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
@Designate(ocd = DailyDigests.Config.class)
public class DailyDigests {

    /** Settings of the e-mail digest. */
    @ObjectClassDefinition(name = "Civic Backbone e-mail",
            description = "A daily e-mail to each person of what waits for them, through your SMTP server.")
    public @interface Config {
        @AttributeDefinition(name = "Enabled", description = "Send the daily digest.")
        boolean enabled() default false;

        @AttributeDefinition(name = "SMTP host")
        String host() default "127.0.0.1";

        @AttributeDefinition(name = "SMTP port", min = "1", max = "65535")
        int port() default 25;

        @AttributeDefinition(name = "SMTP user", description = "Empty when the server takes mail without a login.")
        String username() default "";

        @AttributeDefinition(name = "SMTP password", type = AttributeType.PASSWORD)
        String password() default "";

        @AttributeDefinition(name = "STARTTLS", description = "Encrypt the connection with STARTTLS (required then).")
        boolean starttls() default false;

        @AttributeDefinition(name = "From", description = "The sender, such as 'Riverbend Reads <backbone@example.org>'.")
        String from() default "Civic Backbone <backbone@localhost>";

        @AttributeDefinition(name = "Send at", description = "The time of day the digests go out, HH:MM.")
        String send_at() default "07:00";

        @AttributeDefinition(name = "Time zone", description = "Of the time of day and the days; empty for the "
                + "server's own (an id such as 'America/Chicago').")
        String zone() default "";

        @AttributeDefinition(name = "Days ahead", description = "How far ahead the days coming up reach.", min = "0")
        int days_ahead() default 7;

        @AttributeDefinition(name = "Console address", description = "The web console's address as people reach it, "
                + "which the digest links to.")
        String console_address() default "http://localhost:8181/console/";

        @AttributeDefinition(name = "Timeout (seconds)", description = "How long connecting to the SMTP server, and "
                + "each read and write, may take.", min = "1")
        int timeout_seconds() default 20;
    }

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

    private final Config config;
    private final LoginDirectory logins;
    private final PersonRegistry people;
    private final InitiativeService initiatives;
    private final Clock clock;
    private final ZoneId zone;
    private final LocalTime sendAt;
    /** What is wrong with the settings, or null. */
    private final String wrong;
    /** Why digests are not sent (the settings are wrong, or mail is not enabled), or null. */
    private final String off;
    /** Null when the settings are wrong. */
    private final SmtpPostbox postbox;
    private final DigestRound round;
    private final ScheduledThreadPoolExecutor timer;
    /** The day whose digests are all done, and when a round may next be tried: touched by the timer thread only. */
    private LocalDate doneFor;
    private Instant nextTry = Instant.MIN;

    @Activate
    public DailyDigests(Config config, @Reference BackboneStore store, @Reference PersonalWork work,
                        @Reference LoginDirectory logins, @Reference PersonRegistry people,
                        @Reference InitiativeService initiatives) {
        this(config, store, work, logins, people, initiatives, Clock.systemUTC());
    }

    DailyDigests(Config config, BackboneStore store, PersonalWork work, LoginDirectory logins, PersonRegistry people,
                 InitiativeService initiatives, Clock clock) {
        this.config = config;
        this.logins = logins;
        this.people = people;
        this.initiatives = initiatives;
        this.clock = clock;
        List<String> faults = new ArrayList<>();
        this.zone = zone(config.zone(), faults);
        this.sendAt = sendAt(config.send_at(), faults);
        URI console = console(config.console_address(), faults);
        SmtpPostbox box = null;
        try {
            box = new SmtpPostbox(config.host(), config.port(), config.username(), config.password(), config.from(),
                    config.starttls(), Math.max(1, config.timeout_seconds()), clock);
        } catch (AddressException e) {
            faults.add("from: '" + config.from() + "' is not an e-mail address (" + e.getMessage() + ")");
        }
        if (config.port() < 1 || config.port() > 65535) {
            faults.add("port: " + config.port() + " is not a port (1 to 65535)");
        }
        this.postbox = faults.isEmpty() ? box : null;
        this.round = new DigestRound(store, work, box, clock, Math.max(0, config.days_ahead()), console, zone);
        this.wrong = faults.isEmpty() ? null
                : "etc/org.civicbackbone.mail.cfg is wrong: " + String.join("; ", faults) + ".";
        this.off = wrong != null ? wrong : !config.enabled() ? "Mail is off: set enabled = true and the SMTP server "
                + "in etc/org.civicbackbone.mail.cfg." : null;
        if (off != null && config.enabled()) {
            LOG.error("The daily digests are off: {}", off);
        }
        this.timer = off == null ? newTimer() : null;
        if (timer != null) {
            timer.scheduleWithFixedDelay(this::tick, 1, 1, TimeUnit.MINUTES);
            LOG.info("Daily digests go out at {} ({}) through {}", sendAt, zone, postbox.server());
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
        return LocalDate.now(clock.withZone(zone));
    }

    /** Whether mail is on, where it goes and today's log. */
    public Status status() {
        return new Status(off == null, off, server(), config.from(), sendAt == null ? null
                : sendAt.toString(), zone.getId(), today(), round.log(today()));
    }

    /** The SMTP server, host:port. */
    public String server() {
        return config.host() + ":" + config.port();
    }

    /**
     * Sends today's digests that are due now, whatever the time of day; answers today's log. Refused (409) while the
     * digests are off.
     */
    public List<Digest> sendToday() {
        if (off != null) {
            throw new ProblemException(Problem.conflict(off));
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
        if (wrong != null) {
            throw new ProblemException(Problem.conflict(wrong));
        }
        try {
            postbox.send(new Letter(address, "Civic Backbone can send you e-mail", "This letter shows that Civic "
                    + "Backbone reaches its mail server, " + postbox.server() + ". The daily digests go out at " + sendAt
                    + " (" + zone.getId() + ")" + (off == null ? "" : ", once they are enabled") + ".\n"));
        } catch (MessagingException e) {
            throw new ProblemException(new Problem("urn:civicbackbone:problem:mail-server", "Bad Gateway", 502,
                    "The mail server at " + server() + " did not take the letter: " + e.getMessage()
                            + (e.getCause() == null ? "" : " (" + e.getCause().getMessage() + ")"), List.of()));
        }
        return new TestLetter(address, server());
    }

    /** Looks whether today's digests are due, and sends them; never throws, or the schedule would stop. */
    private void tick() {
        try {
            Instant now = clock.instant();
            LocalDate today = today();
            if (today.equals(doneFor) || now.isBefore(nextTry)
                    || ZonedDateTime.now(clock.withZone(zone)).toLocalTime().isBefore(sendAt)) {
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

    /** Every login with an e-mail address on an initiative's record. */
    List<Recipient> recipients() {
        return Recipient.of(logins.logins(), people::withLogin);
    }

    private Map<String, String> initiativeNames() {
        Map<String, String> names = new LinkedHashMap<>();
        for (Initiative initiative : initiatives.list()) {
            names.put(initiative.id(), initiative.name());
        }
        return names;
    }

    private static ZoneId zone(String zone, List<String> faults) {
        if (zone == null || zone.isBlank()) {
            return ZoneId.systemDefault();
        }
        try {
            return ZoneId.of(zone.strip());
        } catch (DateTimeException e) {
            faults.add("zone: '" + zone + "' is not a time zone such as 'America/Chicago'");
            return ZoneId.systemDefault();
        }
    }

    private static LocalTime sendAt(String time, List<String> faults) {
        try {
            return LocalTime.parse(time.strip());
        } catch (DateTimeException | NullPointerException e) {
            faults.add("send.at: '" + time + "' is not a time of day such as 07:00");
            return null;
        }
    }

    private static URI console(String address, List<String> faults) {
        try {
            URI uri = URI.create(address.strip());
            if (uri.isAbsolute()) {
                return uri;
            }
        } catch (IllegalArgumentException | NullPointerException e) {
            // said below
        }
        faults.add("console.address: '" + address + "' is not an address such as https://backbone.example.org/console/");
        return URI.create("http://localhost:8181/console/");
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
