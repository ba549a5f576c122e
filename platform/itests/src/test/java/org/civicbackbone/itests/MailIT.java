package org.civicbackbone.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.mavenBundle;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import javax.mail.internet.MimeMessage;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/**
 * The daily e-mail digest in the built distribution, through a real SMTP server (GreenMail, installed into the
 * container and listening on loopback): a platform admin sees its settings, checks them with a test letter, and sends
 * the day's digests, each person with a login and an address getting what waits for them once; an unreachable mail
 * server is a 502 that says so.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class MailIT extends InsideKaraf {

    private static final int SMTP_PORT = 40125;
    private static final String MAIL_CFG = "etc/org.civicbackbone.mail.cfg";

    /**
     * Mail on, to the GreenMail port; the hour of the schedule twelve hours away, so that the letters this test sees
     * are the ones it asks for.
     */
    @Configuration
    @Override
    public Option[] config() {
        List<Option> options = new ArrayList<>(List.of(BackboneContainer.options()));
        String later = String.format("%02d:00", (ZonedDateTime.now(ZoneOffset.UTC).getHour() + 12) % 24);
        options.add(editConfigurationFilePut(MAIL_CFG, "enabled", "true"));
        options.add(editConfigurationFilePut(MAIL_CFG, "port", Integer.toString(SMTP_PORT)));
        options.add(editConfigurationFilePut(MAIL_CFG, "from", "Riverbend Reads <backbone@riverbend.example>"));
        options.add(editConfigurationFilePut(MAIL_CFG, "send.at", later));
        options.add(editConfigurationFilePut(MAIL_CFG, "zone", "UTC"));
        options.add(editConfigurationFilePut(MAIL_CFG, "console.address", "https://backbone.example.org/console/"));
        options.add(editConfigurationFilePut(MAIL_CFG, "timeout.seconds", "5"));
        // a real SMTP server inside the container, from the build's local repository (started by the test)
        options.add(mavenBundle("com.icegreen", "greenmail", System.getProperty("backbone.greenmailVersion", "1.6.15")));
        return options.toArray(new Option[0]);
    }

    /** The SMTP server, listening on the port the mail settings name. */
    private static GreenMail smtpServer() {
        GreenMail smtp = new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        return smtp;
    }

    @Test
    public void aPlatformAdminChecksTheMailAndSendsTheDaysDigests() throws Exception {
        awaitServing("structure-nested", "function-resources");
        JsonNode status = http.get("/mail").json();
        assertTrue(status.toString(), status.get("enabled").asBoolean());
        assertEquals("127.0.0.1:" + SMTP_PORT, status.get("server").asText());
        assertEquals("UTC", status.get("zone").asText());
        assertEquals(403, http.send("GET", "/mail", "scarter:demo", null, null).status());
        assertEquals(403, http.send("POST", "/mail/digests", "scarter:demo", null, null).status());

        // a staff member gives a person of the demo an address; one that is not an address is refused, naming it
        JsonNode linh = null;
        for (JsonNode person : http.get("/initiatives/demo-riverbend-reads/people").json()) {
            if (person.get("name").asText().equals("Sam Carter")) {
                assertEquals("the demo's people with a login have an address", "scarter@riverbend.example",
                        person.get("email").asText());
            }
            if (person.get("name").asText().equals("Linh Tran")) {
                linh = person;
            }
        }
        Http.Answer bad = http.send("PUT", "/initiatives/demo-riverbend-reads/people/" + linh.get("id").asLong(),
                "scarter:demo", "application/json", "{\"name\":\"Linh Tran\",\"email\":\"linh at home\"}");
        assertEquals(bad.toString(), 400, bad.status());
        assertTrue(bad.body(), bad.body().contains("\"email\"") && bad.body().contains("must be an e-mail address"));
        Http.Answer linhs = http.send("PUT", "/initiatives/demo-riverbend-reads/people/" + linh.get("id").asLong(),
                "scarter:demo", "application/json", "{\"name\":\"Linh Tran\",\"email\":\"linh@home.example\"}");
        assertEquals(linhs.toString(), 200, linhs.status());

        // a person chooses how often: never, for abello; a frequency that is not one is refused, naming it
        Http.Answer mine = http.send("GET", "/mail/mine", "abello:demo", null, null);
        assertEquals(mine.toString(), "DAILY", mine.json().get("frequency").asText());
        assertEquals("abello@riverbend.example", mine.json().get("addresses").get(0).asText());
        Http.Answer monthly = http.send("PUT", "/mail/mine", "abello:demo", "application/json",
                "{\"frequency\":\"MONTHLY\"}");
        assertEquals(monthly.toString(), 400, monthly.status());
        assertTrue(monthly.body(), monthly.body().contains("\"frequency\""));
        assertEquals("NONE", http.send("PUT", "/mail/mine", "abello:demo", "application/json",
                "{\"frequency\":\"NONE\"}").json().get("frequency").asText());

        Http.Answer unreachable = http.post("/mail/test", "{\"to\":\"admin@riverbend.example\"}");
        assertEquals("no mail server listens yet: " + unreachable, 502, unreachable.status());
        assertTrue(unreachable.body(), unreachable.body().contains("127.0.0.1:" + SMTP_PORT));

        GreenMail smtp = smtpServer();
        try {
            Http.Answer notAnAddress = http.post("/mail/test", "{\"to\":\"admin at riverbend\"}");
            assertEquals(notAnAddress.toString(), 400, notAnAddress.status());
            assertTrue(notAnAddress.body(), notAnAddress.body().contains("\"to\""));
            Http.Answer test = http.post("/mail/test", "{\"to\":\"admin@riverbend.example\"}");
            assertEquals(test.toString(), 200, test.status());
            assertEquals(1, smtp.getReceivedMessages().length);
            assertEquals("Civic Backbone can send you e-mail", smtp.getReceivedMessages()[0].getSubject());

            Http.Answer sent = http.post("/mail/digests", "");
            assertEquals(sent.toString(), 200, sent.status());
            TreeSet<String> sentTo = new TreeSet<>();
            for (JsonNode digest : sent.json()) {
                assertFalse("nobody without a login gets one: " + digest, digest.get("address").asText()
                        .equals("linh@home.example"));
                assertFalse("nor anyone who chose none: " + digest, digest.get("login").asText().equals("abello"));
                if (digest.get("state").asText().equals("SENT")) {
                    sentTo.add(digest.get("address").asText());
                }
            }
            assertTrue("a co-chair of the demo's leadership group has votes waiting: " + sent.body(),
                    sentTo.contains("malvarez@riverbend.example"));
            TreeSet<String> received = new TreeSet<>();
            MimeMessage[] letters = smtp.getReceivedMessages();
            for (int i = 1; i < letters.length; i++) {
                received.add(letters[i].getAllRecipients()[0].toString());
            }
            assertEquals("a letter for each digest sent, and no other", sentTo, received);
            MimeMessage marias = null;
            for (MimeMessage letter : letters) {
                if (letter.getAllRecipients()[0].toString().equals("malvarez@riverbend.example")) {
                    marias = letter;
                }
            }
            String text = GreenMailUtil.getBody(marias).replace("\r\n", "\n");
            assertTrue(text, text.startsWith("Good morning, Maria Alvarez.\n"));
            assertTrue(text, text.contains("\nWaiting for your vote\n- "));
            assertTrue("each line links to its page in the console: " + text,
                    text.contains("[Riverbend County Reads (DEMO DATA)]\n  "
                            + "https://backbone.example.org/console/#/i/demo-riverbend-reads\n"));
            assertTrue(marias.getSubject(), marias.getSubject().startsWith("Your work on ")
                    && marias.getSubject().contains(" vote"));
            assertEquals("Riverbend Reads <backbone@riverbend.example>", marias.getFrom()[0].toString());

            assertEquals(200, http.post("/mail/digests", "").status());
            assertEquals("a digest goes once a day", letters.length, smtp.getReceivedMessages().length);

            // her mail program's "unsubscribe": a post to the letter's List-Unsubscribe address, nobody signing in
            assertEquals("List-Unsubscribe=One-Click", marias.getHeader("List-Unsubscribe-Post")[0]);
            String oneClick = marias.getHeader("List-Unsubscribe")[0]
                    .replaceAll("^<https://backbone\\.example\\.org(.*)>$", "http://localhost:8181$1");
            assertTrue(oneClick, oneClick.startsWith("http://localhost:8181/api/v1/mail/stop?login=malvarez&token="));
            Http.Answer forged = http.sendTo(oneClick.replaceAll("token=.*", "token=forged"), "POST", null,
                    "application/x-www-form-urlencoded", "List-Unsubscribe=One-Click");
            assertEquals(forged.toString(), 400, forged.status());
            assertTrue(forged.body(), forged.body().contains("\"token\""));
            Http.Answer stopped = http.sendTo(oneClick, "POST", null, "application/x-www-form-urlencoded",
                    "List-Unsubscribe=One-Click");
            assertEquals(stopped.toString(), 200, stopped.status());
            assertEquals("NONE", http.send("GET", "/mail/mine", "malvarez:demo", null, null).json().get("frequency")
                    .asText());
            assertEquals("the day's log", sent.json().size(), http.get("/mail").json().get("digests").size());
        } finally {
            smtp.stop();
        }
    }
}
