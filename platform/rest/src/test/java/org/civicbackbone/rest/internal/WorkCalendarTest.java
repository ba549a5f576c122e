package org.civicbackbone.rest.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertTrue;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.civicbackbone.api.console.InitiativeWorkItem;
import org.civicbackbone.api.console.WorkItem.Kind;
import org.civicbackbone.api.decision.Proposal;
import org.civicbackbone.api.decision.ProposalState;
import org.civicbackbone.api.module.DecisionType;
import org.junit.Test;

/** A person's work as an iCalendar file: the events, their days and links, and the format's rules. */
public class WorkCalendarTest {

    private static final URI CONSOLE = URI.create("http://backbone.example/console/");
    private static final Instant NOW = Instant.parse("2026-12-06T09:30:15.123Z");

    private static final InitiativeWorkItem MEETING = new InitiativeWorkItem("riverbend", "Riverbend Reads",
            "aligned-activities", Kind.COMING_UP, LocalDate.of(2026, 12, 16), "Meeting: Partners' quarterly meeting", false, "plan");
    private static final InitiativeWorkItem OFF_TRACK = new InitiativeWorkItem("riverbend", "Riverbend Reads",
            "shared-measurement", Kind.NEEDS_ATTENTION, null, "Indicator off track: Kindergarten readiness", false, "indicators");

    private static Proposal vote(long id, String title, String expiresAt) {
        return new Proposal(id, "riverbend", DecisionType.SPEAK_ON_BEHALF, title, null, null, "core", "nested", "r",
                "ann", ProposalState.OPEN, List.of(), NOW, Instant.parse(expiresAt), null);
    }

    private static String calendar(List<InitiativeWorkItem> items, List<Proposal> votes) {
        return WorkCalendar.of(items, votes, Map.of("riverbend", "Riverbend Reads"), CONSOLE, NOW);
    }

    /** The content lines, unfolded. */
    private static List<String> lines(String calendar) {
        return Arrays.asList(calendar.replace("\r\n ", "").split("\r\n"));
    }

    @Test
    public void aDayComingUpIsAnAllDayEventAndWhenVotingClosesAMomentEachLinkingToTheConsole() {
        List<String> lines = lines(calendar(List.of(MEETING, OFF_TRACK),
                List.of(vote(7, "Publish the statement", "2026-12-20T16:00:00Z"))));
        assertEquals("BEGIN:VCALENDAR", lines.get(0));
        assertEquals("END:VCALENDAR", lines.get(lines.size() - 1));
        assertEquals("what needs attention has no day of its own: not an event", 2,
                lines.stream().filter("BEGIN:VEVENT"::equals).count());
        assertTrue(lines.contains("SUMMARY:Meeting: Partners' quarterly meeting"));
        assertTrue(lines.contains("DTSTART;VALUE=DATE:20261216"));
        assertTrue("an all-day event ends the next day", lines.contains("DTEND;VALUE=DATE:20261217"));
        assertTrue(lines.contains("URL:http://backbone.example/console/#/i/riverbend/p/aligned-activities/plan"));
        assertTrue(lines.contains("SUMMARY:Voting closes: Publish the statement"));
        assertTrue("in UTC: the app shows it in the person's zone", lines.contains("DTSTART:20261220T160000Z"));
        assertTrue(lines.contains("URL:http://backbone.example/console/#/i/riverbend"));
        assertTrue(lines.contains("DTSTAMP:20261206T093015Z"));
        assertFalse(lines.stream().anyMatch(l -> l.contains("Kindergarten")));
    }

    @Test
    public void anEventKeepsItsUidFromOneDownloadToTheNextAndEachEventHasItsOwn() {
        String first = calendar(List.of(MEETING), List.of(vote(7, "t", "2026-12-20T16:00:00Z")));
        String later = WorkCalendar.of(List.of(MEETING), List.of(vote(7, "t", "2026-12-20T16:00:00Z")), Map.of(),
                CONSOLE, NOW.plusSeconds(86_400));
        List<String> uids = lines(first).stream().filter(l -> l.startsWith("UID:")).toList();
        assertEquals(uids, lines(later).stream().filter(l -> l.startsWith("UID:")).toList());
        assertEquals(2, uids.size());
        assertNotEquals(uids.get(0), uids.get(1));
    }

    @Test
    public void textIsEscapedAndLongLinesAreFoldedAt75OctetsBetweenCharacters() {
        String title = "Adopt the position on the county budget; fund Saturday, Sunday and évening opening at the three "
                + "busiest branches \\ all of them " + "é".repeat(60);
        String calendar = calendar(List.of(), List.of(vote(7, title, "2026-12-20T16:00:00Z")));
        assertTrue(lines(calendar).contains("SUMMARY:Voting closes: Adopt the position on the county budget\\; fund "
                + "Saturday\\, Sunday and évening opening at the three busiest branches \\\\ all of them "
                + "é".repeat(60)));
        for (String line : calendar.split("\r\n")) {
            assertTrue(line, line.getBytes(StandardCharsets.UTF_8).length <= 75);
        }
        assertTrue("lines end in CRLF", calendar.endsWith("END:VCALENDAR\r\n"));
        assertEquals("a line break in a text is written as \\n", "Riverbend Reads\\nhttp://x", WorkCalendar.text(
                "Riverbend Reads\nhttp://x"));
    }
}
