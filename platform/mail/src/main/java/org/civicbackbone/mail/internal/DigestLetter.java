package org.civicbackbone.mail.internal;

import java.net.URI;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.civicbackbone.api.console.InitiativeWorkItem;
import org.civicbackbone.api.console.WorkItem;
import org.civicbackbone.api.decision.Proposal;

/**
 * What a day's digest says: the votes waiting for the person, the days coming up within the days ahead (and those
 * passed and still open), and what needs attention, each with a link to its page in the web console. The "My work"
 * page tells the same things (both read {@link org.civicbackbone.api.console.PersonalWork}).
 *
 * @param votes     the proposals waiting for the person's vote
 * @param comingUp  the days coming up within the days ahead, late ones included, by day
 * @param attention what needs attention now
 */
record DigestLetter(List<Proposal> votes, List<InitiativeWorkItem> comingUp, List<InitiativeWorkItem> attention) {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM yyyy", Locale.UK);
    private static final DateTimeFormatter CLOSES = DateTimeFormatter.ofPattern("EEE d MMM yyyy, HH:mm", Locale.UK);

    /** What of the person's work a digest of this day tells. */
    static DigestLetter of(LocalDate day, int daysAhead, List<InitiativeWorkItem> items, List<Proposal> votes) {
        LocalDate last = day.plusDays(daysAhead);
        return new DigestLetter(List.copyOf(votes),
                items.stream().filter(i -> i.kind() == WorkItem.Kind.COMING_UP && !i.when().isAfter(last)).toList(),
                items.stream().filter(i -> i.kind() == WorkItem.Kind.NEEDS_ATTENTION).toList());
    }

    /** How many things it tells. */
    int size() {
        return votes.size() + comingUp.size() + attention.size();
    }

    /**
     * The letter to one address.
     *
     * @param initiatives initiative names by id, for the votes
     * @param console     the web console's address, which each line links to
     * @param zone        where the person reads the time voting closes
     * @param stop        the login's links that stop the digest without signing in
     */
    Letter to(String address, String name, String login, LocalDate day, Map<String, String> initiatives, URI console,
              ZoneId zone, StopLinks stop) {
        StringBuilder text = new StringBuilder("Good morning, ").append(name).append(".\n\n")
                .append("This is what waits for you on ").append(DAY.format(day)).append(".\n");
        if (!votes.isEmpty()) {
            text.append("\nWaiting for your vote\n");
            votes.forEach(p -> line(text, initiatives.getOrDefault(p.initiativeId(), p.initiativeId()), p.title()
                    + " (voting closes " + CLOSES.format(p.expiresAt().atZone(zone)) + ")",
                    console + "#/i/" + p.initiativeId()));
        }
        if (!comingUp.isEmpty()) {
            text.append("\nComing up\n");
            comingUp.forEach(i -> line(text, i.initiative(), (i.late() ? "LATE, was due " : "") + DAY.format(i.when())
                    + ": " + i.what(), page(console, i)));
        }
        if (!attention.isEmpty()) {
            text.append("\nNeeds attention\n");
            attention.forEach(i -> line(text, i.initiative(), i.what(), page(console, i)));
        }
        text.append("\nAll of it, and the rest of your work: ").append(console).append('\n')
                .append("\n--\nYou get this because your e-mail address is on an initiative's record in Civic Backbone. ")
                .append("Choose how often you get it (every day, on Mondays or never): ").append(console)
                .append("#/me/mail\nStop it without signing in: ").append(stop.page(console, login)).append('\n');
        // a mail program offers "unsubscribe" and posts to the address at once, nobody signing in (RFC 8058)
        return new Letter(address, subject(day), text.toString(), Map.of(
                "List-Unsubscribe", "<" + stop.oneClick(console, login) + ">",
                "List-Unsubscribe-Post", "List-Unsubscribe=One-Click"));
    }

    private String subject(LocalDate day) {
        StringBuilder subject = new StringBuilder("Your work on ").append(DAY.format(day)).append(": ");
        String counts = String.join(", ", List.of(count(votes.size(), "vote"), count(comingUp.size(), "day coming up",
                "days coming up"), count(attention.size(), "thing needing attention", "things needing attention"))
                .stream().filter(s -> !s.isEmpty()).toList());
        return subject.append(counts).toString();
    }

    private static String count(int n, String one) {
        return count(n, one, one + "s");
    }

    private static String count(int n, String one, String many) {
        return n == 0 ? "" : n + " " + (n == 1 ? one : many);
    }

    private static void line(StringBuilder text, String initiative, String what, String link) {
        text.append("- ").append(what).append(" [").append(initiative).append("]\n  ").append(link).append('\n');
    }

    /** The item's page in the console, as the calendar links it. */
    private static String page(URI console, InitiativeWorkItem item) {
        return console + "#/i/" + item.initiativeId()
                + (item.page() == null ? "" : "/p/" + item.functionId() + "/" + item.page());
    }
}
