package org.civicbackbone.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.After;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TestName;

/**
 * The distribution as an operator runs it, outside Pax Exam: unpacked from the built archive, started with
 * {@code bin/start}, driven with {@code bin/client} and {@code bin/backbone}, and killed with {@code kill -9}.
 */
public class DistributionIT {

    @Rule
    public final TestName test = new TestName();

    private final Http http = new Http();
    private UnpackedDistribution platform;

    @Before
    public void unpackAndStart() throws Exception {
        platform = UnpackedDistribution.built("distribution-it/" + test.getMethodName());
        start();
        // a first start logs no error: the one every start used to log, Felix failing to open the jar that Aries' JAX-RS
        // API bundle embeds (JDK 17.0.8's zip checks), went with that jar (platform/jaxrs-spec)
        try (var lines = Files.lines(platform.home().resolve("data/log/karaf.log"))) {
            assertEquals("errors logged by a first start", List.of(), lines.filter(l -> l.contains(" ERROR ")).toList());
        }
        // nor a warning for each request polled while the API was not served yet (CXF's "...'s Observer")
        try (var lines = Files.lines(platform.home().resolve("data/log/karaf.log"))) {
            assertEquals("CXF's warnings of requests met before the API was served", List.of(),
                    lines.filter(l -> l.contains(" WARN ") && l.contains("'s Observer")).limit(3).toList());
        }
    }

    @After
    public void stop() throws Exception {
        if (platform != null) {
            platform.kill("-9");
        }
    }

    /**
     * Starts the platform and waits until it is UP and settled. The start is polled closely, as an impatient balancer
     * would: until UP, health is refused (no listener yet) or answers 503 as JSON, never a 404 (Jetty before the API's
     * context exists; a context made by the console's servlet, or the container, before the API's filter and servlet
     * are in it) nor the JAX-RS runtime's HTML page (before the filter that answers for it).
     */
    private void start() throws Exception {
        platform.start();
        List<String> startAnswers = new java.util.ArrayList<>();
        long giveUp = System.nanoTime() + java.time.Duration.ofMinutes(3).toNanos();
        for (Http.Answer a = http.get("/health"); a.status() != 200 && System.nanoTime() < giveUp; a = http.get("/health")) {
            if (a.status() != -1 && (a.status() != 503 || !(a.contentType().startsWith("application/json")
                    || a.contentType().startsWith("application/problem+json")))) {
                startAnswers.add(a.status() + " " + a.contentType() + " " + a.body().lines().findFirst().orElse(""));
            }
            Thread.sleep(20);
        }
        if (!startAnswers.isEmpty()) {
            assertEquals("answers of health during the start that were not 503 JSON ‖ " + platform.diagnosis(), List.of(),
                    startAnswers);
        }
        // UP means ready: from the first UP on, no request gets an answer that is not JSON or a problem
        platform.awaitHealth(http, a -> a.status() == 200 && a.json().get("status").asText().equals("UP"));
        // UP comes from facts (boot features installed, every resource served), not from a pause: at once, every
        // module of the demo answers its own address
        List<String> notServed = new java.util.ArrayList<>();
        for (String function : List.of("shared-measurement", "aligned-activities", "community-engagement", "policy",
                "resources", "vision-strategy")) {
            Http.Answer answer = http.get("/initiatives/demo-riverbend-reads/" + function);
            if (answer.status() != 200) {
                notServed.add(function + " " + answer);
            }
        }
        assertEquals("modules not answering at the first UP", List.of(), notServed);
        List<String> strays = new java.util.ArrayList<>();
        for (int i = 0; i < 40; i++) {
            for (String path : List.of("/initiatives", "/modules", "/initiatives/demo-riverbend-reads",
                    "/initiatives/demo-riverbend-reads/shared-measurement", "/health")) {
                Http.Answer answer = http.get(path);
                if (answer.status() >= 500 || !(answer.contentType().startsWith("application/json")
                        || answer.contentType().startsWith("application/problem+json"))) {
                    strays.add(path + " " + answer);
                }
            }
            Thread.sleep(50);
        }
        assertEquals("answers after UP that were not JSON or problems", List.of(), strays);
        // While booting, the JAX-RS whiteboard rebuilds the application as each resource arrives; wait until
        // the platform has answered steadily for a while.
        int steady = 0;
        for (int i = 0; i < 480 && steady < 8; i++) {
            boolean ok = http.get("/initiatives/demo-riverbend-reads/shared-measurement").status() == 200
                    && http.get("/initiatives").status() == 200;
            steady = ok ? steady + 1 : 0;
            Thread.sleep(250);
        }
        assertEquals("the platform did not settle", 8, steady);
        // a cycle between components (one fetching another's service while that one is being created) is refused
        // by SCR on one thread and waits for good on two: the start above came up, and no cycle was met on the way
        try (var lines = Files.lines(platform.home().resolve("data/log/karaf.log"))) {
            assertEquals("component cycles met at start", List.of(), lines.filter(l -> l.contains("Circular reference")
                    || l.contains("Could not obtain lock")).toList());
        }
    }

    @Test
    public void shellCommandsPrintTheirOutputThroughTheClient() throws Exception {
        String modules = platform.bin("backbone", "backbone:modules");
        assertTrue(modules, modules.contains("function-shared-measurement"));
        assertTrue(modules, modules.contains("structure-nested"));

        String indicators = UnpackedDistribution.run(List.of(platform.home().resolve("bin/client").toString(), "-u", "admin", "-p",
                "admin", "-b"), "backbone:indicators demo-riverbend-reads\n");
        assertTrue(indicators, indicators.contains("Kindergarten readiness"));
        assertTrue("what a share may be: " + indicators, indicators.contains("0 to 100"));
        // as the README writes it: options before the arguments
        String added = platform.bin("backbone", "backbone:indicator-add --definition \"Story hours held\" --unit hours "
                + "--baseline 10 --baseline-date 2025-01-01 --target 20 --target-date 2027-01-01 --period MONTH --minimum 0 "
                + "demo-riverbend-reads \"Story hours\"");
        assertTrue(added, added.matches("(?s).*Created indicator [0-9]+: Story hours.*"));
        String storyHours = added.replaceAll("(?s).*Created indicator ([0-9]+):.*", "$1");
        String changed = platform.bin("backbone", "backbone:indicator-update --maximum 40 --minimum none --name "
                + "\"Story hours held\" demo-riverbend-reads " + storyHours);
        assertTrue(changed, changed.contains("Changed indicator " + storyHours + ": Story hours held"));
        String noWeeks = platform.bin("backbone", "backbone:indicator-update --period WEEK demo-riverbend-reads "
                + storyHours);
        assertTrue(noWeeks, noWeeks.contains("--period: 'WEEK' is not MONTH, QUARTER or YEAR"));
        String badOptions = "backbone:indicator-add --definition d --unit u --baseline ten --baseline-date 2025-13-01 "
                + "--target 20 --target-date 2027-01-01 --period WEEK --maximum lots demo-riverbend-reads Other";
        String bad = platform.bin("backbone", badOptions);
        assertTrue("every bad option told, on standard output: " + bad, bad.contains("--baseline: 'ten' is not a number")
                && bad.contains("--baseline-date: '2025-13-01' is not a day (YYYY-MM-DD)")
                && bad.contains("--period: 'WEEK' is not MONTH, QUARTER or YEAR")
                && bad.contains("--maximum: 'lots' is not a number"));
        assertEquals(1, platform.exitCode("backbone", badOptions));
        Path export = Files.createTempDirectory("export").resolve("values.csv");
        String exported = platform.bin("backbone", "backbone:values-export demo-riverbend-reads " + export);
        assertTrue(exported, exported.matches("(?s).*Wrote [0-9]+ values to " + export + ".*"));
        assertTrue(Files.readString(export).startsWith("indicator"));
        String noFolder = platform.bin("backbone", "backbone:values-export demo-riverbend-reads /no/such/folder/v.csv");
        assertTrue(noFolder, noFolder.contains("Error executing command: There is no folder /no/such/folder"));

        String governance = platform.bin("backbone", "backbone:proposals demo-riverbend-reads",
                "backbone:decision-log demo-riverbend-reads");
        assertTrue(governance, governance.contains("Chain") && governance.contains("Reason"));

        String functions = platform.bin("backbone", "backbone:agenda demo-riverbend-reads 1",
                "backbone:agenda-versions demo-riverbend-reads", "backbone:activities demo-riverbend-reads",
                "backbone:alignment demo-riverbend-reads", "backbone:communications demo-riverbend-reads",
                "backbone:engagement-events demo-riverbend-reads", "backbone:policy-items demo-riverbend-reads",
                "backbone:grants demo-riverbend-reads", "backbone:grant-deadlines demo-riverbend-reads");
        for (String expected : List.of("Children arrive ready for kindergarten", "PROPOSED",
                "Reading coaches for parents", "Overlap on goal 1", "STATEMENT_PROPOSED", "Fall community reading forum",
                "Library hours on weekends", "Summer reading at every branch", "Interim narrative and budget report")) {
            assertTrue(expected + " in " + functions, functions.contains(expected));
        }

        // an admin merges a duplicate organisation record from the shell, as staff do through the API (ADR 0025)
        String orgs = "/initiatives/demo-riverbend-reads/organisations";
        long kept = http.get(orgs + "?name=Northside%20Family%20Resource%20Center").json().get(0).get("id").asLong();
        long duplicate = http.post(orgs, "{\"name\":\"Northside FRC\",\"sectors\":[\"HEALTH\"]}").json().get("id")
                .asLong();
        String listed = platform.bin("backbone", "backbone:organisations demo-riverbend-reads");
        assertTrue(listed, listed.matches("(?s).*" + duplicate + " +\\| Northside FRC +\\| +\\| HEALTH.*"));
        // a refusal is told on standard output and fails the command, so a script sees it (it used to go to standard
        // error, which the client's batch mode does not show, and bin/backbone exited 0)
        String mergeItself = "backbone:organisation-merge demo-riverbend-reads " + duplicate + " " + duplicate;
        String itself = platform.bin("backbone", mergeItself);
        assertTrue(itself, itself.contains("Error executing command: An organisation cannot be merged into itself."));
        assertEquals(1, platform.exitCode("backbone", mergeItself));
        String vote = platform.bin("backbone", "backbone:vote demo-riverbend-reads 1 maybe not sure");
        assertTrue(vote, vote.contains("Error executing command: choice must be approve, object, block or abstain"));
        assertEquals(1, platform.exitCode("backbone", "backbone:module-install function-nonsense"));
        String merged = platform.bin("backbone", "backbone:organisation-merge demo-riverbend-reads " + duplicate + " "
                + kept);
        assertTrue(merged, merged.contains("Merged " + duplicate + " into " + kept + " 'Northside Family Resource Center'"
                + "; its names now: Northside FRC"));
        assertEquals(404, http.get(orgs + "/" + duplicate).status());
        assertEquals(kept, http.get(orgs + "?name=Northside%20FRC").json().get(0).get("id").asLong());

        String audit = platform.bin("backbone", "backbone:audit --limit 1 demo-riverbend-reads");
        assertTrue(audit, audit.contains("| Actor") && audit.contains("next page: --before "));
        String typo = platform.bin("backbone", "backbone:audit demo-riverbend-read");
        assertTrue("an unknown initiative is not an empty log: " + typo,
                typo.contains("Error executing command: There is no initiative 'demo-riverbend-read'."));
        String yesterday = platform.bin("backbone", "backbone:audit --from yesterday demo-riverbend-reads");
        assertTrue(yesterday, yesterday.contains("Error executing command: --from: 'yesterday' is not an instant"));
        assertEquals(1, platform.exitCode("backbone", "backbone:audit --limit 0 demo-riverbend-reads"));
        String missing = platform.bin("backbone", "backbone:values-import demo-riverbend-reads /no/such/values.csv");
        assertTrue(missing, missing.contains("Error executing command: There is no file /no/such/values.csv"));

        // the e-mail digest as shipped: off, and saying how to turn it on (MailIT sends real letters)
        String mail = platform.bin("backbone", "backbone:mail");
        assertTrue(mail, mail.contains("Mail is off: set enabled = true and the SMTP server in "
                + "etc/org.civicbackbone.mail.cfg.") && mail.contains("No digest yet on "));
        String digestsOff = platform.bin("backbone", "backbone:mail-digests");
        assertTrue(digestsOff, digestsOff.contains("Error executing command: Mail is off"));
        String notAnAddress = platform.bin("backbone", "backbone:mail-test not-an-address");
        assertTrue(notAnAddress, notAnAddress.contains("Error executing command: ")
                && notAnAddress.contains("to: must be an e-mail address"));
        assertEquals(1, platform.exitCode("backbone", "backbone:mail-digests"));

        String refused = platform.bin("backbone", "-u", "admin", "-p", "wrong", "backbone:modules");
        assertTrue(refused, !refused.contains("function-shared-measurement"));
    }

    @Test
    public void karafsJaasCommandsChangeLoginsByThePlatformsRules() throws Exception {
        assertEquals(201, http.post("/logins", "{\"name\":\"shell.test\",\"password\":\"shell-test-password\"}")
                .status());
        java.util.Map<String, String> session = signIn("shell.test", "shell-test-password");
        assertEquals(200, http.sendWithHeaders("GET", "/session", session, null).status());
        String realm = "jaas:realm-manage --realm karaf --module org.civicbackbone.core.internal.PlatformLoginModule";

        // a role given in the shell ends the login's console session (it carried the old roles) and counts at once
        platform.bin("backbone", realm, "jaas:role-add shell.test admin", "jaas:update");
        String given = platform.bin("backbone", realm, "jaas:user-list");
        assertTrue(given, given.matches("(?s).*shell\\.test +\\| +\\| admin.*"));
        assertEquals(401, http.sendWithHeaders("GET", "/session", session, null).status());
        assertEquals("a platform admin's page", 200, statusAs("shell.test:shell-test-password", "/logins", 200));

        // bad input is refused with the reason, and the realm has no groups to give
        String refused = platform.bin("backbone", realm, "jaas:user-add shell.two short", "jaas:update");
        assertTrue(refused, refused.contains("A password must have 10 to 200 characters."));
        assertEquals(1, platform.exitCode("backbone", realm, "jaas:group-create staff", "jaas:update"));

        // a login removed in the shell can no longer sign in, on this node within the second
        session = signIn("shell.test", "shell-test-password");
        platform.bin("backbone", realm, "jaas:user-delete shell.test", "jaas:update");
        assertEquals(401, http.sendWithHeaders("GET", "/session", session, null).status());
        assertEquals(401, statusAs("shell.test:shell-test-password", "/initiatives", 401));
    }

    /**
     * Asks with HTTP Basic until the answer has the expected status or 5 s pass, and returns the last status: every
     * node notices a change of the realm within the second (remembered logins, ADR 0013).
     */
    private static int statusAs(String credentials, String path, int expected) throws InterruptedException {
        int status = 0;
        for (int i = 0; i < 20 && status != expected; i++) {
            Thread.sleep(i == 0 ? 0 : 250);
            status = new Http().send("GET", path, credentials, null, null).status();
        }
        return status;
    }

    /** Signs in as the console does; the headers a console request of that session carries. */
    private java.util.Map<String, String> signIn(String user, String password) {
        Http.Answer answer = http.sendWithHeaders("POST", "/session", java.util.Map.of("X-Requested-With",
                "XMLHttpRequest"), "{\"user\":\"" + user + "\",\"password\":\"" + password + "\"}");
        assertEquals(answer.toString(), 200, answer.status());
        return java.util.Map.of("Cookie", answer.header("Set-Cookie").split(";")[0], "X-CSRF-Token",
                answer.json().get("csrfToken").asText(), "X-Requested-With", "XMLHttpRequest");
    }

    @Test
    public void operationsAnswerTruthfullyAndDefaultsAreSafe() throws Exception {
        assertEquals("a silent command that succeeds", 0, platform.exitCode("backbone", "log:clear"));
        assertEquals("a command that prints and succeeds", 0, platform.exitCode("backbone", "backbone:modules"));
        assertEquals("a command that does not exist", 1, platform.exitCode("backbone", "backbone:no-such-command"));
        assertEquals("a command that fails", 1, platform.exitCode("backbone", "backbone:indicators no-such-initiative"));

        // the shell listens on this machine only: port 8101 (1FA5) in /proc/net/tcp and tcp6 (a dual-stack socket
        // bound to 127.0.0.1 shows as ::ffff:127.0.0.1); its local address must end in 0100007F (127.0.0.1)
        List<String> listening = new java.util.ArrayList<>();
        for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            Files.readAllLines(Path.of(table)).stream().map(String::strip)
                    .filter(l -> l.matches("\\d+: [0-9A-F]+:1FA5 [0-9A-F]+:0000 0A .*"))
                    .map(l -> l.split("\\s+")[1]).forEach(listening::add);
        }
        assertTrue("nothing listens on 8101", !listening.isEmpty());
        assertTrue(listening.toString(), listening.stream().allMatch(a -> a.endsWith("0100007F:1FA5")));
        // the demo is enabled here: its members' logins were created with it, and vote-ready
        Http.Answer member = http.await("/health", a -> new Http().send("GET", "/initiatives", "gokafor:demo", null, null)
                .status() == 200);
        assertEquals(200, member.status());
        // passwords are stored as digests once the realm has read them
        String users = Files.readString(platform.home().resolve("etc/users.properties"));
        assertTrue(users, users.contains("{CRYPT}") && !users.matches("(?s).*\\nadmin = admin,.*"));

        // the shutdown secret is this installation's own, not Karaf's word shared by all
        String custom = Files.readString(platform.home().resolve("etc/custom.properties"));
        assertTrue(custom, custom.matches("(?s).*\\nkaraf.shutdown.command = [0-9a-f]{32}\\n.*"));
        // bin/setenv's JIT settings reach the JVM (ADR 0024)
        assertTrue(platform.jvmArguments().toString(),
                platform.jvmArguments().contains("-XX:Tier4InvocationThreshold=50000"));

        // without the API's front filter (its bundle stopped) the runtime's servlet still takes /api: what it would say
        // ("No service was found", an HTML 404) goes out as the 503 problem of an API that is not in place (ADR 0008)
        assertEquals(0, platform.exitCode("backbone", "bundle:stop backbone-rest"));
        // the web server drops the filter on a thread of its own; until then the filter itself answers 503 after 5 s
        http.await("/health", a -> a.status() == 503 && a.body().contains("its API is not served yet"));
        for (String path : List.of("/health", "/initiatives/demo-riverbend-reads/shared-measurement", "/no-such-path")) {
            Http.Answer unserved = http.get(path);
            assertEquals(path + " " + unserved, 503, unserved.status());
            assertEquals(path + " " + unserved, "1", unserved.header("Retry-After"));
            assertTrue(path + " " + unserved, unserved.contentType().startsWith("application/problem+json")
                    && unserved.body().contains("its API is not served yet"));
        }
        assertEquals(0, platform.exitCode("backbone", "bundle:start backbone-rest"));
        platform.awaitHealth(http, a -> a.status() == 200);

        long pid = platform.pid();
        assertEquals(0, platform.exitCode("stop"));
        assertTrue("bin/stop returned while the JVM was still running",
                ProcessHandle.of(pid).map(p -> !p.isAlive()).orElse(true));
        // the embedded database was closed while its classes were there, not by H2's exit hook after the framework
        // had taken them away (a NoClassDefFoundError in data/backbone/backbone.trace.db at every stop before)
        Path trace = platform.home().resolve("data/backbone/backbone.trace.db");
        String traced = Files.exists(trace) ? Files.readString(trace) : "";
        assertFalse(traced, traced.contains("database: close") || traced.contains("NoClassDefFoundError"));
        assertTrue(Files.readString(platform.home().resolve("data/log/karaf.log"))
                .contains("The embedded database is closed"));
        start();
        assertEquals(200, http.get("/initiatives").status());
    }

    @Test
    public void authenticationFailsClosedWhileItsConfigurationIsRewritten() throws Exception {
        // strangers and wrong passwords ask for a seated-only page without pause while an operator rewrites, then
        // deletes, then recreates etc/org.civicbackbone.rest.cfg, as they would with an editor
        String members = "/initiatives/demo-riverbend-reads/members";
        assertEquals(200, http.get(members).status());
        java.util.concurrent.atomic.AtomicBoolean rewriting = new java.util.concurrent.atomic.AtomicBoolean(true);
        java.util.concurrent.ConcurrentLinkedQueue<String> admitted = new java.util.concurrent.ConcurrentLinkedQueue<>();
        java.util.concurrent.atomic.AtomicInteger asked = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.ExecutorService strangers = java.util.concurrent.Executors.newFixedThreadPool(6);
        for (int t = 0; t < 6; t++) {
            String credentials = t % 2 == 0 ? null : "intruder" + t + ":guess";
            String method = t % 3 == 0 ? "HEAD" : "GET";
            strangers.submit(() -> {
                Http own = new Http();
                while (rewriting.get()) {
                    Http.Answer answer = own.send(method, members, credentials, null, null);
                    asked.incrementAndGet();
                    if (answer.status() >= 200 && answer.status() < 300) {
                        admitted.add(answer.toString());
                    }
                }
                return null;
            });
        }
        Path config = platform.home().resolve("etc/org.civicbackbone.rest.cfg");
        for (int round = 0; round < 12; round++) {
            if (round % 4 == 3) {
                Files.deleteIfExists(config);
            } else {
                Files.writeString(config, "realm = karaf\nfailedLoginLimit = " + (50 + round)
                        + "\nfailedLoginWindowSeconds = " + (60 + round) + "\n");
            }
            Thread.sleep(1500); // Karaf reads etc/ once a second
        }
        Files.writeString(config, "realm = karaf\n");
        Thread.sleep(3000);
        rewriting.set(false);
        strangers.shutdown();
        assertTrue(strangers.awaitTermination(60, java.util.concurrent.TimeUnit.SECONDS));
        assertTrue("too few requests while the configuration changed: " + asked.get(), asked.get() > 100);
        assertEquals("answered without a login while the configuration changed", List.of(), List.copyOf(admitted));
        assertEquals(401, http.send("GET", members, null, null, null).status());
        assertEquals(200, http.await(members, a -> a.status() == 200).status());
    }

    /**
     * A hosting organisation's backup, as the README tells it: {@code backbone:backup} while the platform serves, then
     * later, stopped, the zip unpacked where the database lives: the platform starts on it with what was committed
     * when the backup was taken, and without what came after.
     */
    @Test
    public void aBackupTakenWhileServingRestoresWhatWasCommitted() throws Exception {
        Http.Answer kept = http.post("/initiatives", "{\"id\":\"kept\",\"name\":\"Kept\",\"structureModelId\":"
                + "\"nested\",\"enabledFunctionIds\":[\"shared-measurement\"]}");
        assertEquals(kept.toString(), 201, kept.status());
        String said = platform.bin("backbone", "backbone:backup");
        assertTrue(said, said.matches("(?s).*backed up [0-9,]+ rows in [0-9]+ tables to .*/data/backups/backbone-"
                + "[0-9]{8}-[0-9]{6}\\.zip \\([0-9,]+ bytes\\).*"));
        Path backup = Path.of(said.replaceAll("(?s).* to (\\S+\\.zip) .*", "$1"));
        assertTrue(backup + " exists", Files.isRegularFile(backup));
        Http.Answer later = http.post("/initiatives", "{\"id\":\"later\",\"name\":\"Later\",\"structureModelId\":"
                + "\"nested\",\"enabledFunctionIds\":[\"shared-measurement\"]}");
        assertEquals(later.toString(), 201, later.status());
        assertEquals("a folder that is a file is refused, and the client says so", 1,
                platform.exitCode("backbone", "backbone:backup --to " + backup));

        assertEquals(0, platform.exitCode("stop")); // returns once the JVM is gone
        Path database = platform.home().resolve("data/backbone");
        Files.move(database, platform.home().resolve("data/backbone-before-restore"));
        Files.createDirectories(database);
        // unzip, as the README says, done here by the JDK: a fresh machine may lack the unzip command
        try (var entries = new java.util.zip.ZipInputStream(Files.newInputStream(backup))) {
            for (java.util.zip.ZipEntry entry; (entry = entries.getNextEntry()) != null; ) {
                Files.copy(entries, database.resolve(entry.getName()));
            }
        }
        start();
        assertEquals(200, http.get("/initiatives/kept").status());
        assertEquals("written after the backup: not in it", 404, http.get("/initiatives/later").status());
        assertEquals("the restored platform writes", 201, http.post("/initiatives", "{\"id\":\"after-restore\","
                + "\"name\":\"After\",\"structureModelId\":\"nested\",\"enabledFunctionIds\":[]}").status());
    }

    @Test
    public void backupsAreTakenOnTheirScheduleAndTheFolderKeepsTheNewest() throws Exception {
        Path backups = platform.home().resolve("data/backups");
        String first = platform.bin("backbone", "backbone:backups");
        assertTrue("as shipped: daily, the first ten minutes after the start, none yet: " + first,
                first.contains("No backups in " + backups) && first.contains("Next scheduled backup: ")
                        && first.contains("the newest 7 are kept"));
        assertTrue("none taken on the start's path", !Files.exists(backups));

        Files.createDirectories(backups);
        for (String day : List.of("20200101", "20200102", "20200103")) {
            Files.writeString(backups.resolve("backbone-" + day + "-023000.zip"), "an old backup");
        }
        Files.writeString(backups.resolve("notes.txt"), "an operator's own file");
        // the operator edits the settings while the platform runs; written whole, then moved in, as an editor saves
        Path settings = platform.home().resolve("etc/org.civicbackbone.backup.cfg");
        Path edited = platform.home().resolve("org.civicbackbone.backup.cfg.edited");
        Path offsite = platform.home().resolve("offsite"); // a second disk, say
        Files.writeString(edited, Files.readString(settings).replace("keep = 7", "keep = 2")
                .replace("start.delay.seconds = 600", "start.delay.seconds = 1")
                .replace("copy.to =", "copy.to = " + offsite));
        Files.move(edited, settings, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);

        Path oldest = backups.resolve("backbone-20200101-023000.zip");
        long giveUp = System.nanoTime() + java.time.Duration.ofMinutes(2).toNanos();
        while ((Files.exists(oldest) || zips(backups).size() != 2) && System.nanoTime() < giveUp) {
            Thread.sleep(200);
        }
        List<String> kept = zips(backups);
        assertEquals("the backup just taken and the newest old one: " + kept, 2, kept.size());
        assertTrue(kept.toString(), kept.get(0).matches("backbone-20[2-9][0-9]{5}-[0-9]{6}\\.zip"));
        assertEquals("backbone-20200103-023000.zip", kept.get(1));
        assertTrue("an operator's own file stays", Files.exists(backups.resolve("notes.txt")));
        try (var entries = new java.util.zip.ZipInputStream(Files.newInputStream(backups.resolve(kept.get(0))))) {
            assertEquals("a database, checked before the old ones went", "backbone.mv.db",
                    entries.getNextEntry().getName());
        }
        giveUp = System.nanoTime() + java.time.Duration.ofSeconds(30).toNanos();
        while (!(Files.isDirectory(offsite) && zips(offsite).equals(kept)) && System.nanoTime() < giveUp) {
            Thread.sleep(200);
        }
        assertEquals("the second folder has a copy of each kept backup", kept, zips(offsite));
        assertEquals(Files.size(backups.resolve(kept.get(0))), Files.size(offsite.resolve(kept.get(0))));
        String listed = platform.bin("backbone", "backbone:backups");
        assertTrue(listed, listed.contains(kept.get(0)) && listed.contains("the newest 2 are kept")
                && listed.contains("Each scheduled backup is also copied to " + offsite + " (2 there now)."));
        try (var lines = Files.lines(platform.home().resolve("data/log/karaf.log"))) {
            assertTrue("the log says what was taken and removed", lines.anyMatch(l -> l.contains("Scheduled backup: ")
                    && l.contains(kept.get(0)) && l.contains("removed 2 older, keeping the newest 2")));
        }

        // the operator names another folder (a mounted share, say): the shell's backup goes there, as the console's does
        Path share = platform.home().resolve("share");
        Files.writeString(edited, Files.readString(settings).replace("\nfolder =", "\nfolder = " + share));
        Files.move(edited, settings, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        giveUp = System.nanoTime() + java.time.Duration.ofMinutes(1).toNanos();
        while (!platform.bin("backbone", "backbone:backups").contains("No backups in " + share)
                && System.nanoTime() < giveUp) {
            Thread.sleep(500);
        }
        String taken = platform.bin("backbone", "backbone:backup");
        assertTrue(taken, taken.contains(" to " + share.resolve("backbone-")));
        String name = taken.replaceAll("(?s).* to \\S+/(backbone-\\S+\\.zip) .*", "$1");
        assertTrue(name + " in " + zips(share), zips(share).contains(name)); // beside a scheduled one, due at once
        assertTrue("listed where the console lists them", platform.bin("backbone", "backbone:backups").contains(name));
    }

    /** The backups' names in the folder, the newest first (their names sort by the moment they were taken). */
    private static List<String> zips(Path folder) throws java.io.IOException {
        try (var files = Files.list(folder)) {
            return files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".zip"))
                    .sorted(java.util.Comparator.reverseOrder()).toList();
        }
    }

    @Test
    public void acknowledgedWritesSurviveKillMinus9() throws Exception {
        Http.Answer created = http.post("/initiatives", "{\"id\":\"durable\",\"name\":\"Durable\",\"structureModelId\":"
                + "\"nested\",\"enabledFunctionIds\":[\"shared-measurement\"]}");
        assertEquals(created.toString(), 201, created.status());
        Http.Answer indicator = http.post("/initiatives/durable/shared-measurement/indicators",
                "{\"name\":\"Attendance\",\"definition\":\"days attended\",\"unit\":\"%\",\"direction\":\"UP\","
                        + "\"aggregation\":\"MEAN\",\"reportingPeriod\":\"YEAR\",\"baseline\":80,"
                        + "\"baselineDate\":\"2024-01-01\",\"target\":95,\"targetDate\":\"2028-01-01\"}");
        assertEquals(indicator.toString(), 201, indicator.status());
        long id = indicator.json().get("id").asLong();
        http.organisations("durable", "North High");
        Http.Answer value = http.post("/initiatives/durable/shared-measurement/indicators/" + id + "/values",
                "{\"period\":\"2025\",\"partner\":\"North High\",\"value\":83.5}");
        assertEquals(value.toString(), 201, value.status());

        Http.Answer visits = http.post("/initiatives/durable/shared-measurement/indicators",
                "{\"name\":\"Visits\",\"definition\":\"library visits\",\"unit\":\"visits\",\"direction\":\"UP\","
                        + "\"aggregation\":\"SUM\",\"reportingPeriod\":\"MONTH\",\"baseline\":0,"
                        + "\"baselineDate\":\"2015-01-01\",\"target\":100,\"targetDate\":\"2030-01-01\"}");
        assertEquals(visits.toString(), 201, visits.status());
        String removed = platform.bin("backbone", "backbone:module-uninstall structure-volunteer");
        assertTrue(removed, removed.contains("structure-volunteer: available"));

        StringBuilder csv = new StringBuilder("indicator,period,partner,value,dimension,category\n");
        for (int month = 0; month < 100; month++) { // 100,000 rows, 4 MB: a job, far from done when the kill comes
            for (int branch = 0; branch < 1000; branch++) {
                csv.append("Visits,").append(java.time.YearMonth.of(2015, 1).plusMonths(month))
                        .append(",North High,").append(branch % 50).append(",branch,b").append(branch).append('\n');
            }
        }
        Http.Answer accepted = http.send("POST", "/initiatives/durable/shared-measurement/values/import", Http.ADMIN,
                "text/csv", csv.toString());
        assertEquals(accepted.toString(), 202, accepted.status());
        String job = "/initiatives/durable/shared-measurement/values/imports/" + accepted.json().get("id").asLong();

        platform.kill("-9");
        start();

        JsonNode volunteer = http.get("/modules/structure-volunteer").json();
        assertEquals("the set of installed modules survives a restart", false, volunteer.get("installed").asBoolean());
        assertEquals(true, http.get("/modules/structure-nested").json().get("installed").asBoolean());

        JsonNode imported = http.await(job, a -> a.status() == 200 && a.json().get("state").asText().matches(
                "DONE|REFUSED|FAILED")).json();
        assertEquals("an accepted import job runs again after the crash: " + imported, "DONE",
                imported.get("state").asText());
        assertEquals(100_000, imported.get("rowsStored").asInt());
        JsonNode series = http.get("/initiatives/durable/shared-measurement/indicators/" + visits.json().get("id")
                .asLong() + "/series?by=branch").json();
        assertEquals("a point per month and branch", 100_000, series.size());
        assertEquals(49, series.get(99_999).get("value").asInt());

        JsonNode values = http.get("/initiatives/durable/shared-measurement/indicators/" + id + "/values").json();
        assertEquals(1, values.size());
        assertEquals("83.5", values.get(0).get("value").asText());
        assertEquals(1, http.get("/initiatives").json().findValues("id").stream()
                .filter(n -> n.asText().equals("durable")).count());
        assertEquals("the demo is loaded once, not again after a restart", 2,
                http.get("/initiatives/demo-riverbend-reads/shared-measurement").json().get("indicators").asInt());
    }
}
