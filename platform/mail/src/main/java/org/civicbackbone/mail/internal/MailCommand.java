package org.civicbackbone.mail.internal;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

/** The daily e-mail digest in the shell: whether it is on and where it goes, and today's log. */
@Service
@Command(scope = "backbone", name = "mail", description = "Whether the daily e-mail digest is sent, and today's log")
public class MailCommand implements Action {

    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);

    @Reference
    DailyDigests digests;

    @Override
    public Object execute() {
        DailyDigests.Status status = digests.status(); // what the API and the console show too
        System.out.println(status.enabled() ? "The digests go out at " + status.sendAt() + " (" + status.zone()
                + ") through " + status.server() + ", from " + status.from() + "." : status.off());
        print(status.day().toString(), status.digests());
        return null;
    }

    /** A day's log, a line a digest. */
    static void print(String day, List<Digest> digests) {
        System.out.println(digests.isEmpty() ? "No digest yet on " + day + "." : "Digests of " + day + ":");
        for (Digest d : digests) {
            System.out.printf(Locale.ROOT, "  %-8s %-20s %-36s %3d told, tried %d at %s%s%n", d.state(), d.login(),
                    d.address(), d.items(), d.attempts(), SHOWN.format(d.notedAt()),
                    d.error() == null ? "" : ": " + d.error());
        }
    }
}
