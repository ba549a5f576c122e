package org.civicbackbone.mail.internal;

import java.net.URI;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import javax.mail.internet.AddressException;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * The settings of {@code etc/org.civicbackbone.mail.cfg} as the digest uses them, each checked: a wrong one is named
 * in {@link #wrong()}, and then no letter goes at all rather than one to the wrong place or at the wrong hour.
 */
final class MailSettings {

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

    private final Config config;
    private final ZoneId zone;
    private final LocalTime sendAt;
    private final URI console;
    /** Null when the settings are wrong. */
    private final SmtpPostbox postbox;
    /** What is wrong with the settings, or null. */
    private final String wrong;

    MailSettings(Config config, Clock clock) {
        this.config = config;
        List<String> faults = new ArrayList<>();
        this.zone = zone(config.zone(), faults);
        this.sendAt = sendAt(config.send_at(), faults);
        this.console = console(config.console_address(), faults);
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
        this.wrong = faults.isEmpty() ? null
                : "etc/org.civicbackbone.mail.cfg is wrong: " + String.join("; ", faults) + ".";
    }

    /** What is wrong with the settings (no letter can be sent), or null. */
    String wrong() {
        return wrong;
    }

    /** Why the digests are not sent (the settings are wrong, or mail is not enabled), or null when they are. */
    String off() {
        return wrong != null ? wrong : !config.enabled() ? "Mail is off: set enabled = true and the SMTP server in "
                + "etc/org.civicbackbone.mail.cfg." : null;
    }

    /** Where letters go; null while the settings are wrong. */
    SmtpPostbox postbox() {
        return postbox;
    }

    /** The SMTP server, host:port. */
    String server() {
        return config.host() + ":" + config.port();
    }

    String from() {
        return config.from();
    }

    /** The time of day the digests go out; null when the setting is wrong. */
    LocalTime sendAt() {
        return sendAt;
    }

    ZoneId zone() {
        return zone;
    }

    URI console() {
        return console;
    }

    int daysAhead() {
        return Math.max(0, config.days_ahead());
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
}
