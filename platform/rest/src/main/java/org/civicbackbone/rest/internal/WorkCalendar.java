package org.civicbackbone.rest.internal;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.civicbackbone.api.console.InitiativeWorkItem;
import org.civicbackbone.api.console.WorkItem;
import org.civicbackbone.api.decision.Proposal;

/**
 * A person's work as an iCalendar feed (RFC 5545), so that a calendar app reminds them of it: each day coming up of
 * "My work" (reports due, meetings) as an all-day event, and the moment voting closes on each proposal waiting for
 * their vote (in UTC, which the app shows in the person's own zone), each linking to the console. Each event keeps its
 * UID from one download to the next, so that a calendar subscribed to the feed, or a file imported again, changes an
 * event rather than adding a second one.
 */
final class WorkCalendar {

    /** The media type of iCalendar files. */
    static final String MEDIA_TYPE = "text/calendar";

    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);
    /** The longest content line, in octets, before it is folded (RFC 5545, 3.1). */
    private static final int LINE = 75;

    private final StringBuilder text = new StringBuilder();
    private final String stamp;

    private WorkCalendar(Instant now) {
        this.stamp = STAMP.format(now.truncatedTo(ChronoUnit.SECONDS));
    }

    /**
     * The calendar of these items and proposals.
     *
     * @param items       what the modules have for the person ("My work"); only the days coming up are events
     * @param awaiting    the proposals waiting for the person's vote
     * @param initiatives initiative names by id, for the proposals
     * @param console     the web console's address, which each event links to
     */
    static String of(List<InitiativeWorkItem> items, List<Proposal> awaiting, Map<String, String> initiatives,
                     URI console, Instant now) {
        WorkCalendar calendar = new WorkCalendar(now);
        calendar.line("BEGIN:VCALENDAR").line("VERSION:2.0").line("PRODID:-//Civic Backbone//My work//EN")
                .line("CALSCALE:GREGORIAN").line("X-WR-CALNAME:" + text("Civic Backbone: my work"));
        for (InitiativeWorkItem item : items) {
            if (item.kind() == WorkItem.Kind.COMING_UP) {
                String page = item.page() == null ? "#/i/" + item.initiativeId()
                        : "#/i/" + item.initiativeId() + "/p/" + item.functionId() + "/" + item.page();
                calendar.event(uid(item.initiativeId(), item.functionId(), item.what(), item.when().toString()),
                        List.of("DTSTART;VALUE=DATE:" + DAY.format(item.when()),
                                "DTEND;VALUE=DATE:" + DAY.format(item.when().plusDays(1))),
                        item.what(), item.initiative(), console + page);
            }
        }
        for (Proposal p : awaiting) {
            calendar.event(uid(p.initiativeId(), "vote", Long.toString(p.id())),
                    List.of("DTSTART:" + STAMP.format(p.expiresAt().truncatedTo(ChronoUnit.SECONDS))),
                    "Voting closes: " + p.title(), initiatives.getOrDefault(p.initiativeId(), p.initiativeId()),
                    console + "#/i/" + p.initiativeId());
        }
        return calendar.line("END:VCALENDAR").text.toString();
    }

    private void event(String uid, List<String> when, String summary, String initiative, String link) {
        line("BEGIN:VEVENT").line("UID:" + uid).line("DTSTAMP:" + stamp);
        when.forEach(this::line);
        line("SUMMARY:" + text(summary)).line("DESCRIPTION:" + text(initiative + "\n" + link))
                .line("URL:" + link).line("TRANSP:TRANSPARENT").line("END:VEVENT");
    }

    /** A content line, folded at 75 octets without splitting a character, ended by CRLF. */
    private WorkCalendar line(String content) {
        int octets = 0;
        for (int i = 0; i < content.length(); ) {
            int c = content.codePointAt(i);
            int size = c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4; // its length in UTF-8
            if (octets + size > LINE) {
                text.append("\r\n ");
                octets = 1;
            }
            text.appendCodePoint(c);
            octets += size;
            i += Character.charCount(c);
        }
        text.append("\r\n");
        return this;
    }

    /** A TEXT value: backslash, semicolon, comma and line breaks escaped. */
    static String text(String value) {
        return value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\r\n", "\\n")
                .replace("\n", "\\n").replace("\r", "\\n");
    }

    /** The same event's UID in every download: a digest of what identifies it. */
    private static String uid(String... parts) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(String.join("\u0000", parts).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16) + "@civic-backbone";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JVM has SHA-256", e);
        }
    }
}
