package org.civicbackbone.mail.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.lang.annotation.Annotation;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Clock;
import java.util.List;
import org.civicbackbone.api.console.InitiativeWorkItem;
import org.civicbackbone.api.console.PersonalWork;
import org.civicbackbone.api.decision.Proposal;
import org.civicbackbone.api.problem.ProblemException;
import org.civicbackbone.api.store.BackboneStore;
import org.civicbackbone.testkit.TestStore;
import org.junit.Test;

/** The settings of the digest: off until enabled, and every wrong setting named, with nothing sent. */
public class DailyDigestsTest {

    private static final PersonalWork NOTHING = new PersonalWork() {
        @Override
        public List<InitiativeWorkItem> items(String login, boolean platformAdmin) {
            return List.of();
        }

        @Override
        public List<Proposal> awaitingVote(String login, boolean platformAdmin) {
            return List.of();
        }
    };

    private static DailyDigests digests(boolean enabled, int port, String from, String sendAt, String zone,
                                        String console) {
        return new DailyDigests(settings(enabled, port, from, sendAt, zone, console), TestStore.inMemory(), NOTHING,
                null, null, null, Clock.systemUTC());
    }

    private static MailSettings.Config settings(boolean enabled, int port, String from, String sendAt, String zone,
                                                String console) {
        return new MailSettings.Config() {
            @Override public Class<? extends Annotation> annotationType() { return MailSettings.Config.class; }
            @Override public boolean enabled() { return enabled; }
            @Override public String host() { return "127.0.0.1"; }
            @Override public int port() { return port; }
            @Override public String username() { return ""; }
            @Override public String password() { return ""; }
            @Override public boolean starttls() { return false; }
            @Override public String from() { return from; }
            @Override public String send_at() { return sendAt; }
            @Override public String zone() { return zone; }
            @Override public int days_ahead() { return 7; }
            @Override public String console_address() { return console; }
            @Override public int timeout_seconds() { return 5; }
        };
    }

    /** A loopback port nothing listens on. */
    private static int closedPort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    @Test
    public void mailIsOffUntilEnabledAndATestLetterSaysWhatTheServerSaid() throws Exception {
        int port = closedPort();
        DailyDigests off = digests(false, port, "Backbone <backbone@example.org>", "07:00", "America/Chicago",
                "https://backbone.example.org/console/");
        DailyDigests.Status status = off.status();
        assertEquals(false, status.enabled());
        assertTrue(status.off(), status.off().contains("set enabled = true"));
        assertEquals("127.0.0.1:" + port, status.server());
        assertEquals("07:00", status.sendAt());
        assertEquals("America/Chicago", status.zone());
        assertEquals(List.of(), status.digests());
        assertRefused(409, "set enabled = true", off::sendToday);
        assertRefused(400, "field=to", () -> off.sendTestLetter("ann at example"));
        // the settings are right, so a test letter goes even while the digests are off: nothing listens here
        assertRefused(502, "The mail server at 127.0.0.1:" + port + " did not take the letter",
                () -> off.sendTestLetter("ann@example.org"));
    }

    @Test
    public void aLettersLinkStopsTheDigestOfItsLoginOnly() throws Exception {
        BackboneStore store = TestStore.inMemory();
        DailyDigests digests = new DailyDigests(settings(false, closedPort(), "Backbone <backbone@example.org>", "07:00",
                "UTC", "https://backbone.example.org/console/"), store, NOTHING, null, null, null, Clock.systemUTC());
        String token = new StopLinks(store).token("ann");
        assertRefused(400, "field=token", () -> digests.stopThroughLink("ben", token));
        assertRefused(400, "field=token", () -> digests.stopThroughLink("ann", "forged"));
        assertEquals("refused: nothing chosen", DigestChoice.Frequency.DAILY, new DigestChoices(store, Clock.systemUTC())
                .of("ann"));
        DailyDigests.MyDigest stopped = digests.stopThroughLink("ann", token);
        assertEquals(DigestChoice.Frequency.NONE, stopped.frequency());
        assertEquals("nothing of the person is told to whoever holds the link", List.of(), stopped.addresses());
        assertEquals(DigestChoice.Frequency.NONE, new DigestChoices(store, Clock.systemUTC()).of("ann"));
    }

    @Test
    public void everyWrongSettingIsNamed() throws Exception {
        DailyDigests wrong = digests(true, closedPort(), "backbone at example", "7am", "Mars/Olympus", "console/");
        String off = wrong.status().off();
        for (String named : List.of("from: 'backbone at example'", "send.at: '7am'", "zone: 'Mars/Olympus'",
                "console.address: 'console/'")) {
            assertTrue(off, off.contains(named));
        }
        assertEquals(false, wrong.status().enabled());
        assertRefused(409, "send.at: '7am'", wrong::sendToday);
        assertRefused(409, "is wrong", () -> wrong.sendTestLetter("ann@example.org"));
    }

    private static void assertRefused(int status, String words, Runnable call) {
        try {
            call.run();
            fail("expected " + status);
        } catch (ProblemException e) {
            assertEquals(e.problem().toString(), status, e.problem().status());
            String told = e.problem().detail() + " " + e.problem().violations().stream()
                    .map(v -> "field=" + v.field() + ", message=" + v.message()).toList();
            assertTrue(told, told.contains(words));
        }
    }
}
