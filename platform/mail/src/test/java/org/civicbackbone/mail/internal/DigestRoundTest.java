package org.civicbackbone.mail.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import javax.mail.internet.MimeMessage;
import org.civicbackbone.api.console.InitiativeWorkItem;
import org.civicbackbone.api.console.PersonalWork;
import org.civicbackbone.api.console.WorkItem.Kind;
import org.civicbackbone.api.decision.Proposal;
import org.civicbackbone.api.decision.ProposalState;
import org.civicbackbone.api.module.DecisionType;
import org.civicbackbone.api.store.BackboneStore;
import org.civicbackbone.mail.internal.Digest.State;
import org.civicbackbone.testkit.TestStore;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;

/**
 * A day's digests against a real SMTP server (GreenMail on a loopback port) and a real database: what a letter says,
 * once per address and day, again after a crash or a refusal, and never more than it may be tried.
 */
public class DigestRoundTest {

    private static final LocalDate DAY = LocalDate.of(2026, 12, 7);
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-07T07:00:00Z"), ZoneOffset.UTC);
    private static final URI CONSOLE = URI.create("https://backbone.example.org/console/");
    private static final Map<String, String> NAMES = Map.of("riverbend", "Riverbend Reads");

    private GreenMail smtp;
    private BackboneStore store;
    private final Work work = new Work();

    /** What waits for each login: ann has a meeting, a late report, something off track and a vote; ben nothing. */
    private static final class Work implements PersonalWork {
        @Override
        public List<InitiativeWorkItem> items(String login, boolean platformAdmin) {
            return !login.equals("ann") ? List.of() : List.of(
                    item(Kind.COMING_UP, DAY.minusDays(3), "Report due: Q3 narrative (Eastside Trust)", true, "money"),
                    item(Kind.COMING_UP, DAY.plusDays(2), "Meeting: Partners' quarterly meeting", false, "plan"),
                    item(Kind.COMING_UP, DAY.plusDays(30), "Meeting: the annual summit", false, "plan"),
                    item(Kind.NEEDS_ATTENTION, null, "Indicator off track: Kindergarten readiness", false, null));
        }

        @Override
        public List<Proposal> awaitingVote(String login, boolean platformAdmin) {
            return !login.equals("ann") ? List.of() : List.of(new Proposal(7, "riverbend",
                    DecisionType.ADOPT_COMMON_AGENDA, "Adopt the common agenda", null, null, "vision-strategy",
                    "nested", "r", "sam", ProposalState.OPEN, List.of(), CLOCK.instant(),
                    Instant.parse("2026-12-09T17:00:00Z"), null));
        }

        private static InitiativeWorkItem item(Kind kind, LocalDate when, String what, boolean late, String page) {
            return new InitiativeWorkItem("riverbend", "Riverbend Reads", "resources", kind, when, what, late, page);
        }
    }

    @Before
    public void setUp() {
        smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
        smtp.start();
        store = migrated(TestStore.inMemory());
    }

    /** A store with the mail bundle's tables, as DailyDigests makes them at its start. */
    private static BackboneStore migrated(BackboneStore store) {
        store.migrate(MailSchema.MODULE, MailSchema.MIGRATIONS);
        return store;
    }

    @After
    public void tearDown() {
        smtp.stop();
    }

    private DigestRound round(int port) throws Exception {
        return new DigestRound(store, work, new DigestChoices(store, CLOCK), new StopLinks(store), new SmtpPostbox("127.0.0.1", port, "", "", "Riverbend Reads "
                + "<backbone@riverbend.example>", false, 5, CLOCK), CLOCK, 7, CONSOLE, ZoneId.of("America/Chicago"));
    }

    private DigestRound round() throws Exception {
        return round(smtp.getSmtp().getPort());
    }

    private static final List<Recipient> PEOPLE = List.of(
            new Recipient("ann", false, "Ann Lee", List.of("ann@riverbend.example", "ann.lee@home.example")),
            new Recipient("ben", false, "Ben Okafor", List.of("ben@riverbend.example")));

    @Test
    public void eachAddressGetsWhatWaitsForItsPersonOnceADay() throws Exception {
        List<Digest> log = round().send(DAY, PEOPLE, NAMES);
        MimeMessage[] letters = smtp.getReceivedMessages();
        assertEquals("one letter to each of ann's addresses; ben had nothing", 2, letters.length);
        MimeMessage letter = letters[0];
        assertEquals("ann@riverbend.example", letter.getAllRecipients()[0].toString());
        assertEquals("Riverbend Reads <backbone@riverbend.example>", letter.getFrom()[0].toString());
        assertEquals("Your work on Mon 7 Dec 2026: 1 vote, 2 days coming up, 1 thing needing attention",
                letter.getSubject());
        String text = GreenMailUtil.getBody(letter).replace("\r\n", "\n");
        assertTrue(text, text.startsWith("Good morning, Ann Lee.\n\nThis is what waits for you on Mon 7 Dec 2026.\n"));
        assertTrue("the vote, when it closes where she is, and its initiative's page: " + text, text.contains(
                "Waiting for your vote\n- Adopt the common agenda (voting closes Wed 9 Dec 2026, 11:00) "
                        + "[Riverbend Reads]\n  https://backbone.example.org/console/#/i/riverbend\n"));
        assertTrue("the late report first, then the meeting within the week, each with its page: " + text,
                text.contains("Coming up\n- LATE, was due Fri 4 Dec 2026: Report due: Q3 narrative (Eastside Trust) "
                        + "[Riverbend Reads]\n  https://backbone.example.org/console/#/i/riverbend/p/resources/money\n"
                        + "- Wed 9 Dec 2026: Meeting: Partners' quarterly meeting [Riverbend Reads]\n"));
        assertTrue("a meeting a month ahead waits for a later digest: " + text, !text.contains("annual summit"));
        assertTrue(text, text.contains("Needs attention\n- Indicator off track: Kindergarten readiness "
                + "[Riverbend Reads]\n  https://backbone.example.org/console/#/i/riverbend\n"));
        assertEquals("ann.lee@home.example", letters[1].getAllRecipients()[0].toString());
        // the links that stop it, nobody signing in: the console's page, and the one a mail program posts to
        StopLinks stop = new StopLinks(store);
        String token = stop.token("ann");
        assertTrue(text, text.contains("Stop it without signing in: https://backbone.example.org/console/#/stop-mail/ann/"
                + token));
        assertEquals("<https://backbone.example.org/api/v1/mail/stop?login=ann&token=" + token + ">",
                letter.getHeader("List-Unsubscribe")[0]);
        assertEquals("List-Unsubscribe=One-Click", letter.getHeader("List-Unsubscribe-Post")[0]);
        assertTrue(stop.verifies("ann", token));
        assertTrue("no other login's", !stop.verifies("ben", token) && !stop.verifies("ann", token + "x")
                && !stop.verifies("ann", null));
        assertEquals("one key for every node on the database, kept", token, new StopLinks(store).token("ann"));
        assertTrue("another database, another key", !new StopLinks(migrated(TestStore.inMemory())).verifies("ann", token));

        assertEquals(List.of(State.SENT, State.SENT, State.NOTHING), log.stream().map(Digest::state).toList());
        assertEquals(4, log.get(0).items());
        round().send(DAY, PEOPLE, NAMES);
        assertEquals("a second round that day sends nothing again", 2, smtp.getReceivedMessages().length);
        round().send(DAY.plusDays(1), PEOPLE, NAMES);
        assertEquals("the next day's digests go out", 4, smtp.getReceivedMessages().length);
    }

    @Test
    public void aDigestTheServerDidNotTakeIsTriedAgainAtMostThreeTimes() throws Exception {
        int closed;
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closed = socket.getLocalPort();
        }
        List<Recipient> ann = List.of(new Recipient("ann", false, "Ann Lee", List.of("ann@riverbend.example")));
        Digest failed = round(closed).send(DAY, ann, NAMES).get(0);
        assertEquals(State.FAILED, failed.state());
        assertEquals(1, failed.attempts());
        assertTrue("what went wrong is kept: " + failed.error(), failed.error().contains("127.0.0.1"));
        assertEquals("the server took it the second time", State.SENT, round().send(DAY, ann, NAMES).get(0).state());
        assertEquals(2, round().log(DAY).get(0).attempts());
        assertEquals(1, smtp.getReceivedMessages().length);

        round(closed).send(DAY.plusDays(1), ann, NAMES);
        round(closed).send(DAY.plusDays(1), ann, NAMES);
        Digest third = round(closed).send(DAY.plusDays(1), ann, NAMES).get(0);
        assertEquals(3, third.attempts());
        assertEquals("three times is enough for a day", 3, round().send(DAY.plusDays(1), ann, NAMES).get(0).attempts());
        assertEquals(State.FAILED, round().log(DAY.plusDays(1)).get(0).state());
        assertEquals(1, smtp.getReceivedMessages().length);
    }

    @Test
    public void aDigestCutShortByACrashIsSentAgain() throws Exception {
        store.inTransaction(c -> {
            store.mapper(c, DigestRecords.class).insert(new Digest("ann", "ann@riverbend.example", DAY, State.SENDING,
                    4, 1, CLOCK.instant(), null));
            return null;
        });
        List<Recipient> ann = List.of(new Recipient("ann", false, "Ann Lee", List.of("ann@riverbend.example")));
        Digest digest = round().send(DAY, ann, NAMES).get(0);
        assertEquals(State.SENT, digest.state());
        assertEquals(2, digest.attempts());
        assertEquals(1, smtp.getReceivedMessages().length);
    }

    @Test
    public void eachPersonGetsTheDigestAsOftenAsTheyChose() throws Exception {
        DigestChoices choices = new DigestChoices(store, CLOCK);
        choices.choose("ann", DigestChoice.Frequency.WEEKLY);
        List<Recipient> ann = List.of(new Recipient("ann", false, "Ann Lee", List.of("ann@riverbend.example")));
        assertEquals("a Monday: the week's digest", 1, round().send(DAY, ann, NAMES).size());
        assertEquals("a Tuesday: none, nor a row in the log", List.of(), round().send(DAY.plusDays(1), ann, NAMES));
        choices.choose("ann", DigestChoice.Frequency.NONE);
        assertEquals(List.of(), round().send(DAY.plusDays(7), ann, NAMES));
        choices.choose("ann", DigestChoice.Frequency.DAILY);
        assertEquals(DigestChoice.Frequency.DAILY, choices.of("ann"));
        assertEquals(1, round().send(DAY.plusDays(8), ann, NAMES).size());
        assertEquals("Monday's and the last day's", 2, smtp.getReceivedMessages().length);
        assertTrue("the letter says where to choose", GreenMailUtil.getBody(smtp.getReceivedMessages()[0])
                .contains("Choose how often you get it (every day, on Mondays or never): "
                        + "https://backbone.example.org/console/#/me/mail"));
        assertEquals("daily until chosen", DigestChoice.Frequency.DAILY, choices.of("ben"));
    }

    @Test
    public void theLogForgetsDigestsAfterNinetyDays() throws Exception {
        List<Recipient> ann = List.of(new Recipient("ann", false, "Ann Lee", List.of("ann@riverbend.example")));
        round().send(DAY, ann, NAMES);
        round().send(DAY.plusDays(DigestRound.KEPT_DAYS), ann, NAMES);
        assertEquals("kept", 1, round().log(DAY).size());
        round().send(DAY.plusDays(DigestRound.KEPT_DAYS + 1), ann, NAMES);
        assertEquals("forgotten", 0, round().log(DAY).size());
    }
}
