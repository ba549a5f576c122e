package org.civicbackbone.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/**
 * Logins administered without the shell, through real HTTP: platform admins create logins and give them new
 * passwords; an initiative's staff do it for their own people only; a new password ends that login's console
 * sessions and nobody else's.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class LoginsIT extends InsideKaraf {

    @javax.inject.Inject
    @org.ops4j.pax.exam.util.Filter(value = "(dataSourceName=backbone)", timeout = 60_000)
    private javax.sql.DataSource dataSource;

    private void ready() throws InterruptedException {
        awaitServing("structure-stand-alone");
    }

    @Test
    public void aPlatformAdminCreatesLoginsAndGivesThemNewPasswords() throws InterruptedException {
        ready();
        Http.Answer created = http.post("/logins", "{\"name\":\"lg.chair\",\"password\":\"chair-password-1\","
                + "\"platformAdmin\":true}");
        assertEquals(created.toString(), 201, created.status());
        assertTrue(created.header("Location"), created.header("Location").endsWith("/api/v1/logins/lg.chair"));
        assertTrue(created.json().get("platformAdmin").asBoolean());
        assertEquals(200, as("lg.chair:chair-password-1", "GET", "/logins").status());
        assertEquals(409, http.post("/logins", "{\"name\":\"lg.chair\",\"password\":\"chair-password-1\"}").status());

        Http.Answer bad = http.post("/logins", "{\"name\":\"Bad Name\",\"password\":\"short\"}");
        assertEquals(bad.toString(), 400, bad.status());
        assertTrue(bad.body(), bad.body().contains("\"name\"") && bad.body().contains("\"password\""));
        assertFalse(bad.body(), http.get("/logins").body().contains("Bad Name"));

        Http.Answer list = http.get("/logins");
        assertTrue(list.body(), list.body().contains("\"lg.chair\"") && list.body().contains("\"admin\""));
        assertFalse("no password or hash is ever answered", list.body().toLowerCase().contains("password")
                || list.body().contains("CRYPT"));

        assertEquals(204, http.send("PUT", "/logins/lg.chair/password", Http.ADMIN, "application/json",
                "{\"password\":\"chair-password-2\"}").status());
        assertEquals(401, as("lg.chair:chair-password-1", "GET", "/logins").status());
        assertEquals(200, as("lg.chair:chair-password-2", "GET", "/logins").status());
        assertEquals(404, http.send("PUT", "/logins/nobody-here/password", Http.ADMIN, "application/json",
                "{\"password\":\"long-enough-pw\"}").status());
        assertEquals(403, as("v01:pw", "GET", "/logins").status());
        assertEquals(403, as("v01:pw", "POST", "/logins", "{\"name\":\"lg.sneaky\",\"password\":\"sneaky-pw-123\"}")
                .status());
    }

    @Test
    public void aPlatformAdminMakesAndUnmakesAdminsAndRemovesLogins() throws InterruptedException {
        ready();
        assertEquals(201, http.post("/logins", "{\"name\":\"lg.deputy\",\"password\":\"deputy-password-1\"}")
                .status());
        String deputy = "lg.deputy:deputy-password-1";
        assertEquals(403, as(deputy, "GET", "/logins").status());

        Http.Answer made = as(Http.ADMIN, "PUT", "/logins/lg.deputy/platform-admin", "{\"platformAdmin\":true}");
        assertEquals(made.toString(), 200, made.status());
        assertTrue(made.body(), made.json().get("platformAdmin").asBoolean());
        assertEquals("the role is taken at the next request", 200, as(deputy, "GET", "/logins").status());
        Http.Answer own = as(deputy, "DELETE", "/logins/lg.deputy");
        assertEquals(own.toString(), 409, own.status());

        Http.Answer bad = as(Http.ADMIN, "PUT", "/logins/lg.deputy/platform-admin", "{}");
        assertEquals(bad.toString(), 400, bad.status());
        assertTrue(bad.body(), bad.body().contains("\"platformAdmin\""));
        assertTrue("bad input changed nothing", http.get("/logins/lg.deputy").json().get("platformAdmin").asBoolean());
        assertEquals(404, as(Http.ADMIN, "PUT", "/logins/nobody-here/platform-admin", "{\"platformAdmin\":true}")
                .status());

        Http.Answer unmade = as(Http.ADMIN, "PUT", "/logins/lg.deputy/platform-admin", "{\"platformAdmin\":false}");
        assertEquals(unmade.toString(), 200, unmade.status());
        assertFalse(unmade.body(), unmade.json().get("platformAdmin").asBoolean());
        assertEquals(403, as(deputy, "GET", "/logins").status());
        assertEquals(403, as(deputy, "DELETE", "/logins/v01").status());

        assertEquals(204, as(Http.ADMIN, "DELETE", "/logins/lg.deputy").status());
        assertEquals("a removed login's password is refused", 401, as(deputy, "GET", "/logins").status());
        assertEquals(404, http.get("/logins/lg.deputy").status());
        assertEquals(404, as(Http.ADMIN, "DELETE", "/logins/lg.deputy").status());
    }

    @Test
    public void staffCreateAndResetTheLoginsOfTheirOwnPeopleOnly() throws InterruptedException {
        ready();
        initiative("logins-a", "v02", "v10", "Rosa Diaz");
        initiative("logins-b", "v03", "v11", "Sam Okoye");
        long rosa = personId("logins-a", "Rosa Diaz");
        long samInB = personId("logins-b", "Sam Okoye");

        Http.Answer linked = as("v02:pw", "POST", "/initiatives/logins-a/people/" + rosa + "/login",
                "{\"name\":\"lg.rosa\",\"password\":\"rosa-password-1\"}");
        assertEquals(linked.toString(), 201, linked.status());
        assertEquals("lg.rosa", linked.json().get("username").asText());
        assertTrue(linked.header("Location"), linked.header("Location")
                .endsWith("/api/v1/initiatives/logins-a/people/" + rosa));
        assertEquals("her seat follows the person's record", "lg.rosa", http.get("/initiatives/logins-a/people/"
                + rosa + "/seats").json().get(0).get("username").asText());
        assertEquals(200, as("lg.rosa:rosa-password-1", "GET", "/initiatives/logins-a").status());
        assertEquals(404, as("lg.rosa:rosa-password-1", "GET", "/initiatives/logins-b").status());
        assertEquals(409, as("v02:pw", "POST", "/initiatives/logins-a/people/" + rosa + "/login",
                "{\"name\":\"lg.rosa2\",\"password\":\"rosa-password-1\"}").status());

        long other = register("logins-a", "Ada Park");
        Http.Answer admin = as("v02:pw", "POST", "/initiatives/logins-a/people/" + other + "/login",
                "{\"name\":\"lg.ada\",\"password\":\"ada-password-1\",\"platformAdmin\":true}");
        assertEquals(admin.toString(), 400, admin.status());
        assertTrue(admin.body(), admin.body().contains("platformAdmin"));
        assertEquals(409, as("v02:pw", "POST", "/initiatives/logins-a/people/" + other + "/login",
                "{\"name\":\"lg.rosa\",\"password\":\"ada-password-1\"}").status());
        assertEquals("a partner is not staff", 403, as("lg.rosa:rosa-password-1", "POST",
                "/initiatives/logins-a/people/" + other + "/login", "{\"name\":\"lg.ada\",\"password\":"
                + "\"ada-password-1\"}").status());
        assertEquals("staff of another initiative see nothing of this one", 404, as("v03:pw", "POST",
                "/initiatives/logins-a/people/" + other + "/login", "{\"name\":\"lg.ada\",\"password\":"
                + "\"ada-password-1\"}").status());

        assertEquals(204, as("v02:pw", "PUT", "/initiatives/logins-a/people/" + rosa + "/login/password",
                "{\"password\":\"rosa-password-2\"}").status());
        assertEquals(401, as("lg.rosa:rosa-password-1", "GET", "/initiatives/logins-a").status());
        assertEquals(200, as("lg.rosa:rosa-password-2", "GET", "/initiatives/logins-a").status());

        // Sam has one login on both initiatives' records: staff of B may not reset it for A's sake, nor A's staff.
        Http.Answer sam = as("v03:pw", "POST", "/initiatives/logins-b/people/" + samInB + "/login",
                "{\"name\":\"lg.sam\",\"password\":\"sam-password-1\"}");
        assertEquals(sam.toString(), 201, sam.status());
        long samInA = register("logins-a", "Sam Okoye", "lg.sam");
        Http.Answer refused = as("v02:pw", "PUT", "/initiatives/logins-a/people/" + samInA + "/login/password",
                "{\"password\":\"taken-over-123\"}");
        assertEquals(refused.toString(), 403, refused.status());
        assertTrue(refused.body(), refused.body().contains("logins-b"));
        assertEquals(200, as("lg.sam:sam-password-1", "GET", "/initiatives/logins-b").status());

        Http.Answer audit = http.get("/initiatives/logins-a/audit");
        assertTrue(audit.body(), audit.body().contains("login.create") && audit.body().contains("login.password"));
        assertFalse(audit.body(), audit.body().contains("rosa-password"));
    }

    @Test
    public void aNewPasswordEndsThatLoginsConsoleSessionsOnly() throws InterruptedException {
        ready();
        for (String name : new String[] {"lg.one", "lg.two"}) {
            assertEquals(201, http.post("/logins", "{\"name\":\"" + name + "\",\"password\":\"" + name
                    + "-password\"}").status());
        }
        Map<String, String> one = signIn("lg.one", "lg.one-password");
        Map<String, String> two = signIn("lg.two", "lg.two-password");
        assertEquals(200, http.sendWithHeaders("GET", "/session", one, null).status());
        assertEquals(200, http.sendWithHeaders("GET", "/session", two, null).status());

        assertEquals(204, http.send("PUT", "/logins/lg.one/password", Http.ADMIN, "application/json",
                "{\"password\":\"lg.one-password-2\"}").status());
        assertEquals(401, http.sendWithHeaders("GET", "/session", one, null).status());
        assertEquals("another login's session survives", 200,
                http.sendWithHeaders("GET", "/session", two, null).status());
        assertEquals(200, http.sendWithHeaders("GET", "/session", signIn("lg.one", "lg.one-password-2"), null)
                .status());

        // a person changes their own password: the current one is checked; their session goes on as a new one
        Http.Answer wrong = http.sendWithHeaders("PUT", "/session/password", two,
                "{\"currentPassword\":\"not-it\",\"password\":\"lg.two-password-2\"}");
        assertEquals(wrong.toString(), 403, wrong.status());
        assertTrue(wrong.body(), wrong.body().contains("\"field\":\"currentPassword\""));
        Http.Answer changed = http.sendWithHeaders("PUT", "/session/password", two,
                "{\"currentPassword\":\"lg.two-password\",\"password\":\"lg.two-password-2\"}");
        assertEquals(changed.toString(), 200, changed.status());
        Map<String, String> renewed = Map.of("Cookie", changed.header("Set-Cookie").split(";")[0], "X-Requested-With",
                "XMLHttpRequest");
        assertEquals(200, http.sendWithHeaders("GET", "/session", renewed, null).status());
        assertEquals(401, http.sendWithHeaders("GET", "/session", two, null).status());
        assertEquals(401, as("lg.two:lg.two-password", "GET", "/session").status());
        assertEquals(204, as("lg.two:lg.two-password-2", "PUT", "/session/password",
                "{\"currentPassword\":\"lg.two-password-2\",\"password\":\"lg.two-password-3\"}").status());
        assertEquals(200, as("lg.two:lg.two-password-3", "GET", "/session").status());
    }

    /**
     * The realm checks the logins kept in the database (ADR 0020): a login created here is a row, hashed, and not a
     * line of users.properties; a row written as another node writes it signs in here at once; a session row
     * written by another node is a session here, and a sign-out deletes it for every node.
     */
    @Test
    public void theRealmAndTheSessionsAreTheDatabasesForEveryNode() throws Exception {
        ready();
        assertEquals(201, http.post("/logins", "{\"name\":\"lg.db\",\"password\":\"lg.db-password\"}").status());
        String stored;
        try (java.sql.Connection c = dataSource.getConnection();
             java.sql.PreparedStatement s = c.prepareStatement("SELECT password FROM core_login WHERE name = ?")) {
            s.setString(1, "lg.db");
            try (java.sql.ResultSet r = s.executeQuery()) {
                assertTrue("the login is a row", r.next());
                stored = r.getString(1);
            }
        }
        assertTrue(stored, stored.startsWith("{CRYPT}") && !stored.contains("lg.db-password"));
        String usersFile = java.nio.file.Files.readString(java.nio.file.Path.of(System.getProperty("karaf.etc"),
                "users.properties"));
        assertFalse(usersFile, usersFile.contains("lg.db"));

        // another node creates a login: a row with the same hash and a role
        try (java.sql.Connection c = dataSource.getConnection()) {
            c.setAutoCommit(true);
            try (java.sql.PreparedStatement s = c.prepareStatement("INSERT INTO core_login (name, password, "
                    + "created_at, changed_at) VALUES ('lg.elsewhere', ?, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)")) {
                s.setString(1, stored);
                s.executeUpdate();
            }
            try (java.sql.Statement s = c.createStatement()) {
                s.executeUpdate("INSERT INTO core_login_role (login, role) VALUES ('lg.elsewhere', 'viewer')");
            }
        }
        assertEquals(200, as("lg.elsewhere:lg.db-password", "GET", "/session").status());
        Map<String, String> session = signIn("lg.elsewhere", "lg.db-password");
        try (java.sql.Connection c = dataSource.getConnection(); java.sql.Statement s = c.createStatement();
             java.sql.ResultSet r = s.executeQuery("SELECT COUNT(*) FROM core_session WHERE login = 'lg.elsewhere'")) {
            r.next();
            assertEquals("the session is a row any node finds", 1, r.getInt(1));
        }
        try (java.sql.Connection c = dataSource.getConnection(); java.sql.Statement s = c.createStatement()) {
            c.setAutoCommit(true);
            s.executeUpdate("DELETE FROM core_session WHERE login = 'lg.elsewhere'"); // signed out through another node
        }
        assertEquals(401, http.sendWithHeaders("GET", "/session", session, null).status());
    }

    /**
     * The embedded database backed up without the shell: a platform admin lists the backups, takes one (checked by
     * opening it) and downloads it to keep off the machine; nobody else may. On PostgreSQL it is refused with a
     * problem naming pg_dump (ADR 0033).
     */
    @Test
    public void aPlatformAdminTakesABackupAndDownloadsIt() throws Exception {
        ready();
        boolean postgresql;
        try (java.sql.Connection c = dataSource.getConnection()) {
            postgresql = "PostgreSQL".equals(c.getMetaData().getDatabaseProductName());
        }
        assertEquals(403, as("v01:pw", "GET", "/backups").status());
        assertEquals(403, as("v01:pw", "POST", "/backups", "").status());
        Http.Answer overview = http.get("/backups");
        assertEquals(overview.toString(), 200, overview.status());
        assertEquals(overview.body(), !postgresql, overview.json().get("available").asBoolean());
        if (postgresql) {
            Http.Answer refused = http.post("/backups", "");
            assertEquals(refused.toString(), 409, refused.status());
            assertTrue(refused.contentType(), refused.contentType().startsWith("application/problem+json"));
            assertTrue(refused.body(), refused.body().contains("pg_dump"));
            return;
        }
        int before = overview.json().get("backups").size();

        Http.Answer taken = http.post("/backups", "");
        assertEquals(taken.toString(), 201, taken.status());
        String name = taken.json().get("backup").get("name").asText();
        assertTrue(name, name.matches("backbone-[0-9]{8}-[0-9]{6}(-[0-9]+)?\\.zip"));
        assertTrue(taken.header("Location"), taken.header("Location").endsWith("/api/v1/backups/" + name));
        assertTrue(taken.body(), taken.json().get("rows").asLong() > 0 && taken.json().get("tables").asInt() > 10);
        Http.Answer after = http.get("/backups");
        assertEquals(after.body(), before + 1, after.json().get("backups").size());
        assertEquals("the newest first", name, after.json().get("backups").get(0).get("name").asText());

        java.net.http.HttpResponse<byte[]> zip = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest
                .newBuilder(java.net.URI.create(Http.BASE + "/backups/" + name)).header("Authorization", "Basic "
                        + java.util.Base64.getEncoder().encodeToString(Http.ADMIN.getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                .build(), java.net.http.HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, zip.statusCode());
        assertEquals("application/zip", zip.headers().firstValue("Content-Type").orElse(""));
        assertTrue(zip.headers().firstValue("Content-Disposition").orElse("").contains(name));
        assertEquals(after.json().get("backups").get(0).get("bytes").asLong(), zip.body().length);
        try (var entries = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(zip.body()))) {
            assertEquals("the database, as it restores", "backbone.mv.db", entries.getNextEntry().getName());
        }
        assertEquals(403, as("v01:pw", "GET", "/backups/" + name).status());
        for (String notABackup : java.util.List.of("backbone-19990101-000000.zip", "..%2F..%2Fetc%2Fusers.properties",
                "users.properties")) {
            Http.Answer missing = http.get("/backups/" + notABackup);
            assertTrue(notABackup + " " + missing, missing.status() == 404 || missing.status() == 400);
            assertTrue(missing.toString(), missing.contentType().startsWith("application/problem+json"));
        }
    }

    /** Signs in as the console does; the headers a console request of that session carries. */
    private Map<String, String> signIn(String user, String password) {
        Http.Answer answer = http.sendWithHeaders("POST", "/session", Map.of("X-Requested-With", "XMLHttpRequest"),
                "{\"user\":\"" + user + "\",\"password\":\"" + password + "\"}");
        assertEquals(answer.toString(), 200, answer.status());
        String cookie = answer.header("Set-Cookie").split(";")[0];
        return Map.of("Cookie", cookie, "X-CSRF-Token", answer.json().get("csrfToken").asText(),
                "X-Requested-With", "XMLHttpRequest");
    }

    private Http.Answer as(String credentials, String method, String path) {
        return http.send(method, path, credentials, null, null);
    }

    private Http.Answer as(String credentials, String method, String path, String json) {
        return http.send(method, path, credentials, "application/json", json);
    }

    /**
     * An initiative whose board (the voter) hired the staff login onto its backbone team, and whose partners seat a
     * person without a login.
     */
    private void initiative(String id, String staff, String voter, String partner) throws InterruptedException {
        assertEquals(201, http.post("/initiatives", "{\"id\":\"" + id + "\",\"name\":\"" + id
                + "\",\"structureModelId\":\"stand-alone\",\"enabledFunctionIds\":[]}").status());
        seat(id, "board-of-directors", "{\"person\":\"" + voter + "\",\"username\":\"" + voter + "\","
                + "\"organisation\":\"Board org\",\"role\":\"chair\",\"sector\":\"NONPROFIT\"}");
        seat(id, "partners", "{\"person\":\"" + partner + "\",\"organisation\":\"Partner org\",\"role\":\"member\","
                + "\"sector\":\"NONPROFIT\"}");
        Http.Answer hire = http.post("/initiatives/" + id + "/staff", "{\"person\":\"" + staff + "\",\"username\":\""
                + staff + "\",\"role\":\"director\",\"organisation\":\"Backbone\",\"reason\":\"needed\"}");
        assertEquals(hire.toString(), 202, hire.status());
        Http.Answer vote = as(voter + ":pw", "POST", "/initiatives/" + id + "/governance/proposals/"
                + hire.json().get("proposalId").asLong() + "/votes", "{\"choice\":\"APPROVE\",\"reason\":\"yes\"}");
        assertTrue(vote.toString(), vote.status() == 200 || vote.status() == 201);
        http.await("/initiatives/" + id + "/people", a -> a.body().contains("\"username\":\"" + staff + "\""));
    }

    private void seat(String id, String type, String member) {
        Http.Answer body = http.post("/initiatives/" + id + "/bodies", "{\"type\":\"" + type + "\",\"name\":\""
                + type + "\"}");
        assertEquals(body.toString(), 201, body.status());
        Http.Answer seat = http.post("/initiatives/" + id + "/bodies/" + body.json().get("id").asLong()
                + "/members", member);
        assertEquals(seat.toString(), 201, seat.status());
    }

    private long personId(String initiativeId, String name) {
        for (JsonNode person : http.get("/initiatives/" + initiativeId + "/people").json()) {
            if (person.get("name").asText().equals(name)) {
                return person.get("id").asLong();
            }
        }
        throw new AssertionError(name + " is not on " + initiativeId + "'s record");
    }

    private long register(String initiativeId, String name, String... login) {
        Http.Answer person = http.post("/initiatives/" + initiativeId + "/people", "{\"name\":\"" + name + "\""
                + (login.length > 0 ? ",\"username\":\"" + login[0] + "\"" : "") + "}");
        assertEquals(person.toString(), 201, person.status());
        return person.json().get("id").asLong();
    }
}
