package org.civicbackbone.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.inject.Inject;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.ServiceReference;

/**
 * The hostile client: tries to get past access rules by spelling addresses differently, to break the money and
 * decision invariants with parallel requests, to seat people and vote around the structure model, and to guess
 * passwords. Fails if any of it works.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class TrustIT extends InsideKaraf {

    private static final String ROOT = "http://localhost:8181";
    private static final String STRANGER = "v24:pw";

    @Inject
    @org.ops4j.pax.exam.util.Filter(value = "(dataSourceName=backbone)", timeout = 60_000)
    private javax.sql.DataSource dataSource;

    @Configuration
    @Override
    public Option[] config() {
        // the request guard's bulkhead would refuse part of the parallel clients with 503; here the invariants are
        // under test, so every client gets through to them
        return org.ops4j.pax.exam.OptionUtils.combine(BackboneContainer.options(),
                org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut(
                        "etc/org.civicbackbone.rest.requests.cfg", "maxRunningPerModule", "64"),
                // a login whose password and roles the login-cache test changes
                org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut(
                        "etc/users.properties", "changes", BackboneContainer.stored("old") + ",viewer"));
    }

    private void ready() throws InterruptedException {
        awaitServing("function-resources", "structure-stand-alone");
    }

    private final ParallelScenarios scenarios = new ParallelScenarios(http, i -> http, "pw");

    private void initiative(String id, String model, String functions, String... bodies) {
        scenarios.initiative(id, model, functions, bodies);
    }

    private Http.Answer seat(String initiative, long bodyId, String member) {
        return scenarios.seat(initiative, bodyId, member);
    }

    private long bodyOfType(String initiative, String type) {
        return scenarios.bodyOfType(initiative, type);
    }

    private Http.Answer vote(String initiative, long proposal, String voter, String choice) {
        return scenarios.vote(http, initiative, proposal, voter, choice);
    }

    private static <T> List<T> inParallel(int clients, ParallelScenarios.IntFunctionCall<T> call) throws Exception {
        return ParallelScenarios.inParallel(clients, call);
    }

    private static Map<Integer, Integer> statuses(List<Http.Answer> answers) {
        return ParallelScenarios.statuses(answers);
    }

    @Test
    public void everyResourceMethodOfEveryInstalledBundleDeclaresWhoMayCallIt() throws Exception {
        ready();
        ServiceReference<?>[] resources = bundleContext.getAllServiceReferences(null, "(osgi.jaxrs.resource=true)");
        assertNotNull(resources);
        List<String> undeclared = new ArrayList<>();
        int methods = 0;
        for (ServiceReference<?> reference : resources) {
            Object resource = bundleContext.getService(reference);
            try {
                Class<?> type = resource.getClass();
                boolean classDeclares = declares(type.getAnnotations());
                for (Method m : type.getMethods()) {
                    boolean resourceMethod = false;
                    for (Annotation a : m.getAnnotations()) {
                        for (Annotation meta : a.annotationType().getAnnotations()) {
                            resourceMethod |= meta.annotationType().getName().equals("javax.ws.rs.HttpMethod");
                        }
                    }
                    if (resourceMethod) {
                        methods++;
                        if (!classDeclares && !declares(m.getAnnotations())) {
                            undeclared.add(reference.getBundle().getSymbolicName() + " " + type.getSimpleName() + "."
                                    + m.getName());
                        }
                    }
                }
            } finally {
                bundleContext.ungetService(reference);
            }
        }
        assertTrue("found only " + methods + " resource methods", methods > 100);
        assertEquals(List.of(), undeclared);
    }

    private static boolean declares(Annotation[] annotations) {
        for (Annotation a : annotations) {
            if (a.annotationType().getName().equals("org.civicbackbone.api.rest.Allow")) {
                return true;
            }
        }
        return false;
    }

    @Test
    public void accessIsDecidedOnWhatWasMatchedNotOnHowTheAddressIsSpelled() throws Exception {
        ready();
        initiative("trust-access", "stand-alone", "[]", "board-of-directors:v01@Board Org",
                "advisory-committee:v02@Partner Org", "observers:v03@Watch Org");
        String plain = "/api/v1/initiatives/trust-access/members";
        List<String> spellings = List.of(plain,
                "/api/v1/initiatives;x=1/trust-access/members",
                "/api;a=b/v1/initiatives/trust-access/members",
                "/api/v1;a=b/initiatives/trust-access/members",
                "/api/v1/initiatives/trust-access;x=1/members",
                "/api/v1/initiatives/trust-access/members;x=1",
                "/api/v1/initiatives/trust-access/members/",
                "/api/v1//initiatives/trust-access/members",
                "/api/v1/initiatives//trust-access/members",
                "/api/v1/initiatives/trust%2Daccess/members",
                "/api/v1/initiatives/trust-access/%6Dembers",
                "/api/v1/initiatives/trust-access/./members",
                "/api/v1/INITIATIVES/trust-access/members",
                "/api/v1/initiatives/TRUST-ACCESS/members");
        List<String> failures = new ArrayList<>();
        for (String spelling : spellings) {
            for (String method : List.of("GET", "HEAD", "OPTIONS")) {
                Http.Answer stranger = http.sendTo(ROOT + spelling, method, STRANGER, null, null);
                Http.Answer admin = http.sendTo(ROOT + spelling, method, Http.ADMIN, null, null);
                Http.Answer observer = http.sendTo(ROOT + spelling, method, "v03:pw", null, null);
                if (method.equals("OPTIONS")) {
                    if (stranger.status() != 405 || admin.status() != 405) {
                        failures.add("OPTIONS " + spelling + " is answered 405 to all: " + stranger + " / " + admin);
                    }
                } else if (stranger.status() != 404 && stranger.status() != 401) {
                    failures.add(method + " " + spelling + " by a stranger: " + stranger);
                }
                if (stranger.body().contains("Board Org")) {
                    failures.add(method + " " + spelling + " showed a stranger the members: " + stranger);
                }
                if (observer.status() != admin.status()) {
                    failures.add(method + " " + spelling + ": observer " + observer.status() + ", admin " + admin.status());
                }
                if (admin.status() >= 500 || stranger.status() >= 500) {
                    failures.add(method + " " + spelling + " failed: " + admin + " / " + stranger);
                }
                if (!method.equals("HEAD") && stranger.status() >= 400
                        && !stranger.contentType().startsWith("application/problem+json")) {
                    failures.add(method + " " + spelling + " answered a stranger without a problem: " + stranger);
                }
            }
        }
        assertEquals(200, http.sendTo(ROOT + plain, "GET", "v03:pw", null, null).status());

        String change = "{\"name\":\"taken over\",\"structureModelId\":\"nested\",\"enabledFunctionIds\":[]}";
        for (String spelling : List.of("/api/v1/initiatives/trust-access", "/api/v1/initiatives;x=1/trust-access",
                "/api;a=b/v1/initiatives/trust-access", "/api/v1;a=b/initiatives/trust-access",
                "/api/v1/initiatives/trust-access;x=1", "/api/v1/initiatives/trust-access/",
                "/api/v1/initiatives/trust%2Daccess")) {
            Http.Answer byMember = http.sendTo(ROOT + spelling, "PUT", "v02:pw", "application/json", change);
            Http.Answer byStranger = http.sendTo(ROOT + spelling, "PUT", STRANGER, "application/json", change);
            if (byMember.status() != 403 && byMember.status() != 404) {
                failures.add("PUT " + spelling + " by a member who is not staff: " + byMember);
            }
            if (byStranger.status() != 404) {
                failures.add("PUT " + spelling + " by a stranger: " + byStranger);
            }
        }
        JsonNode after = http.get("/initiatives/trust-access").json();
        assertEquals("trust-access", after.get("name").asText());
        assertEquals("stand-alone", after.get("structureModelId").asText());

        for (String spelling : List.of("/api/v1/initiatives", "/api/v1/initiatives;x", "/api/v1/initiatives/",
                "/api;a=b/v1/initiatives", "/api/v1;a=b/initiatives")) {
            Http.Answer create = http.sendTo(ROOT + spelling, "POST", "v01:pw", "application/json",
                    "{\"id\":\"smuggled\",\"name\":\"smuggled\",\"structureModelId\":\"nested\",\"enabledFunctionIds\":[]}");
            if (create.status() != 403 && create.status() != 404) {
                failures.add("POST " + spelling + " by a non-admin: " + create);
            }
        }
        assertEquals(404, http.get("/initiatives/smuggled").status());

        long team = http.post("/initiatives/trust-access/bodies", "{\"type\":\"backbone-team\",\"name\":\"Team\"}")
                .json().get("id").asLong();
        for (String spelling : List.of("/api/v1/initiatives/trust-access/bodies/" + team + "/members",
                "/api/v1/initiatives;x=1/trust-access/bodies/" + team + "/members")) {
            Http.Answer self = http.sendTo(ROOT + spelling, "POST", STRANGER, "application/json",
                    "{\"person\":\"v24\",\"username\":\"v24\",\"organisation\":\"Me\",\"role\":\"director\",\"sector\":\"NONPROFIT\"}");
            if (self.status() != 404) {
                failures.add("a stranger seated themselves via " + spelling + ": " + self);
            }
        }
        assertEquals("observers only read", 403, http.send("POST", "/initiatives/trust-access/governance/proposals",
                "v03:pw", "application/json", "{\"type\":\"HIRE_STAFF\",\"title\":\"x\"}").status());
        assertEquals(List.of(), failures);
    }

    @Test
    public void seatsOnTheBackboneTeamComeOnlyFromAnApprovedHireAndVotersAreFixedWhenAProposalOpens() throws Exception {
        ready();
        initiative("trust-seats", "stand-alone", "[]", "board-of-directors:v01@Org,v02@Second Org,v03@Third Org",
                "advisory-committee:v04@Partner Org", "backbone-team");
        long team = bodyOfType("trust-seats", "backbone-team");
        Http.Answer direct = http.post("/initiatives/trust-seats/bodies/" + team + "/members",
                "{\"person\":\"Pat\",\"username\":\"v05\",\"organisation\":\"Org\",\"role\":\"director\",\"sector\":\"NONPROFIT\"}");
        assertEquals("even an admin cannot seat staff without a hire: " + direct, 409, direct.status());
        assertTrue(direct.body(), direct.body().contains("staff/hires") || direct.body().contains("hire"));
        // nor does a body with seated members become the team: they would be staff that no hire made
        long advisory = bodyOfType("trust-seats", "advisory-committee");
        Http.Answer retyped = http.send("PUT", "/initiatives/trust-seats/bodies/" + advisory, Http.ADMIN,
                "application/json", "{\"type\":\"backbone-team\",\"name\":\"Advisory\"}");
        assertEquals(retyped.toString(), 409, retyped.status());
        assertTrue(retyped.body(), retyped.body().contains("{\"field\":\"type\",\"message\":\"would make the 1"));
        assertEquals("the body kept its type", advisory, bodyOfType("trust-seats", "advisory-committee"));

        Http.Answer hire = http.post("/initiatives/trust-seats/staff", "{\"person\":\"Pat\",\"username\":\"v05\","
                + "\"role\":\"director\",\"organisation\":\"Host\",\"reason\":\"needed\"}");
        assertEquals(hire.toString(), 202, hire.status());
        long proposal = hire.json().get("proposalId").asLong();
        seat("trust-seats", bodyOfType("trust-seats", "board-of-directors"), "v06@Late Org");
        Http.Answer late = vote("trust-seats", proposal, "v06", "APPROVE");
        assertEquals("a seat added after the proposal opened does not vote on it: " + late, 403, late.status());

        // a seat naming a login that does not exist is a set-up problem, not a silent voter
        seat("trust-seats", bodyOfType("trust-seats", "board-of-directors"), "nobody-here@Typo Org");
        String problems = http.get("/initiatives/trust-seats/governance").json().get("problems").toString();
        assertTrue(problems, problems.contains("'nobody-here', which does not exist"));
        assertFalse(problems, problems.contains("'v01'"));

        // conflict of interest sees through case, punctuation and legal suffixes
        Http.Answer accept = http.post("/initiatives/trust-seats/governance/proposals", "{\"type\":\"ACCEPT_GRANT\","
                + "\"title\":\"money for Org\",\"beneficiary\":\"ORG, Inc.\"}");
        assertEquals(accept.toString(), 201, accept.status());
        Http.Answer conflicted = vote("trust-seats", accept.json().get("id").asLong(), "v01", "APPROVE");
        assertEquals(conflicted.toString(), 409, conflicted.status());
        assertTrue(conflicted.body(), conflicted.body().contains("Conflict of interest"));
    }

    @Test
    public void aHireIsDecidedAppliedAndAnnouncedExactlyOnceUnderParallelVotes() throws Exception {
        ready();
        scenarios.aHireIsDecidedAppliedAndAnnouncedOnce("trust");
    }

    @Test
    public void clicksAtOneMomentMakeOneRecordEach() throws Exception {
        ready();
        scenarios.clicksAtOneMomentMakeOneRecord("trust-clicks");
    }

    @Test
    public void changesAtOneMomentAreMadeOnce() throws Exception {
        ready();
        scenarios.changesAtOneMomentAreMadeOnce("trust-changes");
    }

    @Test
    public void moneyReceivedAndAllocatedNeverExceedsWhatItMayUnderParallelRequests() throws Exception {
        ready();
        String base = scenarios.moneyNeverExceedsWhatItMay("trust-funds");

        // money for an activity goes to one that exists, and its owner is the beneficiary
        Http.Answer missing = http.post(base + "/allocations", "{\"recipientKind\":\"ACTIVITY\",\"recipient\":\"Coaching\","
                + "\"amount\":1,\"purpose\":\"coaches\"}");
        assertEquals(missing.toString(), 400, missing.status());
        assertTrue(missing.body(), missing.body().contains("\"recipient\""));
        assertEquals(200, http.send("PUT", "/initiatives/trust-funds/functions/aligned-activities", Http.ADMIN, null, null)
                .status());
        assertEquals(201, http.post("/initiatives/trust-funds/aligned-activities/activities", "{\"title\":\"Coaching\","
                + "\"ownerOrganisation\":\"Library\",\"goalNumbers\":[],\"startOn\":\"2026-01-01\"}").status());
        Http.Answer wrongOwner = http.post(base + "/allocations", "{\"recipientKind\":\"ACTIVITY\",\"recipient\":\"coaching\","
                + "\"partnerOrganisation\":\"School\",\"amount\":1,\"purpose\":\"coaches\"}");
        assertEquals(wrongOwner.toString(), 400, wrongOwner.status());
        assertTrue(wrongOwner.body(), wrongOwner.body().contains("\"partnerOrganisation\""));
    }

    @Test
    public void guessingPasswordsIsThrottledAndEveryAnswerCarriesSecurityHeaders() throws Exception {
        ready();
        for (int i = 0; i < 5; i++) {
            assertEquals(401, http.send("GET", "/initiatives", "v23:guess" + i, null, null).status());
        }
        Http.Answer throttled = http.send("GET", "/initiatives", "v23:guess5", null, null);
        assertEquals(throttled.toString(), 429, throttled.status());
        assertNotNull(throttled.header("Retry-After"));
        assertTrue(throttled.contentType().startsWith("application/problem+json"));
        assertEquals("even the right password waits", 429, http.send("GET", "/initiatives", "v23:pw", null, null).status());
        assertEquals("other users are not held", 200, http.send("GET", "/initiatives", "v22:pw", null, null).status());

        for (Http.Answer answer : List.of(http.send("GET", "/health", null, null, null),
                http.send("GET", "/initiatives", null, null, null), http.get("/no/such/address"), throttled)) {
            assertEquals(answer.toString(), "nosniff", answer.header("X-Content-Type-Options"));
            assertEquals(answer.toString(), "DENY", answer.header("X-Frame-Options"));
            assertNotNull(answer.toString(), answer.header("Content-Security-Policy"));
            assertFalse(answer.body(), answer.body().contains("<html"));
        }
    }

    @Test
    public void aChangedPasswordOrRoleTakesEffectOnTheNextRequestThoughLoginsAreRemembered() throws Exception {
        ready();
        assertEquals(200, http.send("GET", "/initiatives", "changes:old", null, null).status());
        assertEquals("remembered", 200, http.send("GET", "/initiatives", "changes:old", null, null).status());
        assertEquals("only an admin adds an initiative", 403, http.send("POST", "/initiatives", "changes:old",
                "application/json", "{\"id\":\"by-changes\",\"name\":\"x\",\"structureModelId\":\"stand-alone\","
                        + "\"enabledFunctionIds\":[]}").status());

        // as another node's login directory writes it (ADR 0020): the rows change with the login's time of change,
        // which this node reads at most every second: a request after that sees it though the login was remembered
        realm("UPDATE core_login SET password = '" + BackboneContainer.stored("new") + "', changed_at = "
                + "CURRENT_TIMESTAMP WHERE name = 'changes'", "INSERT INTO core_login_role (login, role) "
                + "VALUES ('changes', 'admin')");
        Thread.sleep(1_100);
        assertEquals("the old password stops within a second", 401,
                http.send("GET", "/initiatives", "changes:old", null, null).status());
        assertEquals(200, http.send("GET", "/initiatives", "changes:new", null, null).status());
        Http.Answer created = http.send("POST", "/initiatives", "changes:new", "application/json",
                "{\"id\":\"by-changes\",\"name\":\"x\",\"structureModelId\":\"stand-alone\",\"enabledFunctionIds\":[]}");
        assertEquals("the new role counts at once: " + created, 201, created.status());

        Thread.sleep(5); // a later time of change than the one remembered
        realm("DELETE FROM core_login_role WHERE login = 'changes' AND role = 'admin'",
                "UPDATE core_login SET changed_at = CURRENT_TIMESTAMP WHERE name = 'changes'");
        Thread.sleep(1_100);
        Http.Answer refused = http.send("POST", "/initiatives", "changes:new", "application/json",
                "{\"id\":\"by-changes-2\",\"name\":\"x\",\"structureModelId\":\"stand-alone\",\"enabledFunctionIds\":[]}");
        assertEquals("and a removed one stops counting: " + refused, 403, refused.status());
    }

    /** Statements on the realm's tables, committed together. */
    private void realm(String... statements) throws java.sql.SQLException {
        try (java.sql.Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (java.sql.Statement s = c.createStatement()) {
                for (String statement : statements) {
                    s.executeUpdate(statement);
                }
            }
            c.commit();
        }
    }

    @Test
    public void theWebServersOwnRefusalsAreProblemsToo() throws Exception {
        ready();
        String close = "Host: localhost\r\nConnection: close\r\n\r\n";
        java.util.Map<String, Integer> requests = new java.util.LinkedHashMap<>();
        requests.put("GET /api/v1/initiatives/%00 HTTP/1.1\r\n" + close, 400);
        requests.put("GET /api/v1/initiatives/%ZZ HTTP/1.1\r\n" + close, 400);
        requests.put("GET /api/v1/initiatives/a%2F..%2F..%2Fb HTTP/1.1\r\n" + close, null);
        requests.put("GET /api/v1/../../../etc/passwd HTTP/1.1\r\n" + close, 400);
        requests.put("GARBAGE\r\n\r\n", 400);
        requests.put("GET /api/v1/health HTTP/1.1\r\nHost: localhost\r\nNo colon here\r\n\r\n", 400);
        requests.put("GET /api/v1/health HTTP/1.1\r\nHost: localhost\r\nX-Big: " + "a".repeat(20_000) + "\r\n\r\n", 431);
        requests.put("GET /api/v1/health HTTP/7.3\r\n" + close, null);
        requests.put("GET /" + "a".repeat(70_000) + " HTTP/1.1\r\n" + close, null);
        requests.put("GET /no/such/page HTTP/1.1\r\n" + close, 404);
        requests.put("GET /api/v1/initiatives HTTP/1.1\r\nHost: localhost\r\nContent-Length: x\r\n\r\n", 400);
        List<String> wrong = new java.util.ArrayList<>();
        for (java.util.Map.Entry<String, Integer> request : requests.entrySet()) {
            Http.Answer answer = Http.raw(request.getKey());
            String said = request.getKey().substring(0, Math.min(60, request.getKey().length())).replace("\r\n", " ")
                    + " -> " + answer.status() + " " + answer.contentType() + " "
                    + answer.body().substring(0, Math.min(200, answer.body().length()));
            boolean statusRight = request.getValue() == null ? answer.status() >= 400 && answer.status() < 600
                    : answer.status() == request.getValue();
            String lower = answer.body().toLowerCase(java.util.Locale.ROOT);
            if (!statusRight || !answer.contentType().startsWith("application/problem+json") || lower.contains("<")
                    || lower.contains("jetty") || lower.contains("java") || lower.contains("exception")) {
                wrong.add(said);
            }
        }
        assertEquals("refusals that are not clean problems", List.of(), wrong);
    }

    @Test
    public void hostileInputIsRefusedCleanlyAndCorrectionsAndTheAuditLogKeepTheRecord() throws Exception {
        ready();
        initiative("trust-input", "stand-alone", "[\"shared-measurement\",\"vision-strategy\"]",
                "board-of-directors:v01@Board One,v02@Board Two", "advisory-committee:v04@Library,v05@School",
                "partners:v06@Riverbend Library");
        String base = "/initiatives/trust-input/shared-measurement";
        long indicator = http.post(base + "/indicators", "{\"name\":\"Cards\",\"definition\":\"d\",\"unit\":\"n\","
                + "\"direction\":\"UP\",\"aggregation\":\"SUM\",\"reportingPeriod\":\"YEAR\",\"baseline\":1,"
                + "\"baselineDate\":\"2024-01-01\",\"target\":2,\"targetDate\":\"2027-01-01\"}").json().get("id").asLong();
        String values = base + "/indicators/" + indicator + "/values";
        http.organisations("trust-input", "=cmd|' /C calc'!A0");

        long started = System.nanoTime();
        Http.Answer huge = http.post(values, "{\"period\":\"2025\",\"partner\":\"X\",\"value\":1e10000000}");
        assertEquals(huge.toString(), 400, huge.status());
        assertTrue(huge.body(), huge.body().contains("\"value\""));
        assertTrue("a 53-byte body must not cost seconds", System.nanoTime() - started < 5_000_000_000L);
        Http.Answer tiny = http.post(values, "{\"period\":\"2025\",\"partner\":\"X\",\"value\":0.0000001}");
        assertEquals("never silently rounded: " + tiny, 400, tiny.status());
        Http.Answer ahead = http.post(values, "{\"period\":\"2031\",\"partner\":\"X\",\"value\":3}");
        assertEquals("a year to come has no value yet: " + ahead, 400, ahead.status());
        assertTrue(ahead.body(), ahead.body().contains("{\"field\":\"period\",\"message\":\"'2031' has not begun; "
                + "values are reported for periods under way or past\"}"));
        Http.Answer big = http.post(values, "{\"period\":\"2025\",\"partner\":\"" + "x".repeat(11 * 1024 * 1024) + "\"}");
        assertEquals(413, big.status());
        assertTrue(big.contentType().startsWith("application/problem+json"));
        Http.Answer badLimit = http.get("/initiatives/trust-input/audit?limit=abc");
        assertEquals(badLimit.toString(), 400, badLimit.status());
        assertTrue(badLimit.body(), badLimit.body().contains(
                "{\"field\":\"limit\",\"message\":\"'abc' is not a whole number from 1 to 1000\"}"));
        Http.Answer badFrom = http.get("/initiatives/trust-input/audit?from=yesterday");
        assertEquals(badFrom.toString(), 400, badFrom.status());
        assertTrue(badFrom.body(), badFrom.body().contains("\"field\":\"from\""));
        // a misspelt or repeated query parameter is refused by name, never answered as if nothing had been asked
        Http.Answer misspelt = http.get("/initiatives/trust-input/audit?limt=2");
        assertEquals(misspelt.toString(), 400, misspelt.status());
        assertTrue(misspelt.body(), misspelt.body().contains("{\"field\":\"limt\",\"message\":\"unknown query parameter; "
                + "expected one of [action, actor, before, from, limit, module, to]\"}"));
        Http.Answer twice = http.get("/initiatives/trust-input/audit?limit=2&limit=3");
        assertEquals(twice.toString(), 400, twice.status());
        assertTrue(twice.body(), twice.body().contains("{\"field\":\"limit\",\"message\":\"given 2 times; give it once\"}"));
        Http.Answer none = http.get("/initiatives/trust-input/shared-measurement/indicators?state=OPEN");
        assertEquals(none.toString(), 400, none.status());
        assertTrue(none.body(), none.body().contains("this address takes none"));
        Http.Answer absent = http.get("/initiatives/trust-input/no-such-function/items?state=OPEN");
        assertEquals("what an absent module would take is not known: " + absent, 404, absent.status());
        assertTrue(absent.body(), absent.body().contains("function-no-such-function"));
        // a body sent where none is taken is refused by its fields, and nothing changes; an empty object is no body
        String toggle = "/initiatives/trust-input/functions/aligned-activities";
        Http.Answer meant = http.send("PUT", toggle, Http.ADMIN, "application/json", "{\"enabled\":false}");
        assertEquals(meant.toString(), 400, meant.status());
        assertTrue(meant.body(), meant.body().contains(
                "{\"field\":\"enabled\",\"message\":\"unknown field; this address takes no body\"}"));
        // the same body sent in chunks, its length not said beforehand, is found and refused the same way
        Http.Answer chunked = http.sendChunked("PUT", toggle, Http.ADMIN, "application/json", "{\"enabled\":false}");
        assertEquals(chunked.toString(), 400, chunked.status());
        assertTrue(chunked.body(), chunked.body().contains("this address takes no body"));
        assertFalse(http.get("/initiatives/trust-input").json().get("enabledFunctionIds").toString()
                .contains("aligned-activities"));
        assertEquals(200, http.send("PUT", toggle, Http.ADMIN, "application/json", "{}").status());
        // an export asked for as JSON is 406, though the address beside it (activities/{id}) answers JSON
        Http.Answer exportAsJson = http.sendWithHeaders("GET", "/initiatives/trust-input/aligned-activities/activities/export",
                Map.of("Authorization", Http.basic(Http.ADMIN), "Accept", "application/json"), null);
        assertEquals(exportAsJson.toString(), 406, exportAsJson.status());
        assertTrue(exportAsJson.body(), exportAsJson.body().contains("answers GET with text/csv only"));
        assertEquals(200, http.send("DELETE", toggle, Http.ADMIN, null, null).status());
        Http.Answer charset = http.send("POST", base + "/values/import", Http.ADMIN, "text/csv; charset=bogus-8",
                "indicator,period,partner,value\nCards,2025,X,1\n");
        assertEquals(charset.toString(), 415, charset.status());
        assertTrue(charset.contentType().startsWith("application/problem+json"));
        assertFalse(charset.body(), charset.body().contains("Exception"));
        assertEquals("a CSV import must say it is CSV", 415, http.post(base + "/values/import",
                "indicator,period,partner,value\nCards,2025,X,1\n").status());
        // an address asked with a method, a body or an answer type it does not take says what it does take
        Http.Answer wrongMethod = http.send("DELETE", base + "/indicators", Http.ADMIN, null, null);
        assertEquals(wrongMethod.toString(), 405, wrongMethod.status());
        assertEquals("GET, HEAD, POST", wrongMethod.header("Allow"));
        assertTrue(wrongMethod.body(), wrongMethod.body().contains("does not take DELETE; it takes GET, HEAD or POST."));
        Http.Answer wrongBody = http.send("POST", base + "/indicators", Http.ADMIN, "text/plain", "Cards");
        assertEquals(wrongBody.toString(), 415, wrongBody.status());
        assertTrue(wrongBody.body(), wrongBody.body().contains("This address takes application/json with POST"));
        for (String[] asked : new String[][] {{"/values/export", "application/json", "text/csv"},
                {"/indicators", "text/csv", "application/json"}}) {
            Http.Answer wrongAnswer = http.sendWithHeaders("GET", base + asked[0],
                    Map.of("Authorization", Http.basic(Http.ADMIN), "Accept", asked[1]), null);
            assertEquals(wrongAnswer.toString(), 406, wrongAnswer.status());
            assertTrue(wrongAnswer.body(), wrongAnswer.body().contains("answers GET with " + asked[2] + " only"));
        }
        // an address whose number is not one stays a 404, and names the variable and why
        Http.Answer notANumber = http.get(base + "/indicators/abc");
        assertEquals(notANumber.toString(), 404, notANumber.status());
        assertTrue(notANumber.body(), notANumber.body().contains(
                "{\"field\":\"indicatorId\",\"message\":\"'abc' is not a whole number\"}"));
        Http.Answer unknown = http.get(base + "/indicators/" + indicator + "/nothing-here");
        assertEquals(unknown.toString(), 404, unknown.status());
        assertTrue(unknown.body(), unknown.body().contains("There is nothing at this address.\""));

        // a partner reports for its own organisation only
        Http.Answer own = http.send("POST", values, "v06:pw", "application/json",
                "{\"period\":\"2024\",\"partner\":\"Riverbend Library Inc.\",\"value\":5}");
        assertEquals(own.toString(), 201, own.status());
        Http.Answer other = http.send("POST", values, "v06:pw", "application/json",
                "{\"period\":\"2024\",\"partner\":\"School\",\"value\":5}");
        assertEquals(other.toString(), 403, other.status());
        assertTrue(other.body(), other.body().contains("\"partner\""));

        // a correction keeps the old and the new value; a formula is exported as text
        assertEquals(201, http.post(values, "{\"period\":\"2025\",\"partner\":\"=cmd|' /C calc'!A0\",\"value\":10}").status());
        assertEquals(201, http.post(values, "{\"period\":\"2025\",\"partner\":\"=cmd|' /C calc'!A0\",\"value\":12.5}").status());
        JsonNode corrections = http.get(base + "/indicators/" + indicator + "/corrections").json();
        assertEquals(corrections.toString(), 1, corrections.size());
        assertEquals("10", corrections.get(0).get("oldValue").asText());
        assertEquals("12.5", corrections.get(0).get("newValue").asText());
        String csv = http.get(base + "/values/export").body();
        assertTrue(csv, csv.contains("'=cmd") && !csv.contains(",=cmd"));

        // vision-strategy: a vote lasts one day to three months
        Http.Answer draft = http.post("/initiatives/trust-input/vision-strategy/versions", "{\"problemStatement\":\"p\","
                + "\"vision\":\"v\",\"goals\":[{\"title\":\"Readers\",\"outcome\":\"o\",\"indicatorIds\":[]}]}");
        assertEquals(draft.toString(), 201, draft.status());
        long number = draft.json().get("number").asLong();
        for (String days : List.of("-5", "2147483647")) {
            Http.Answer adopt = http.post("/initiatives/trust-input/vision-strategy/versions/" + number + "/adoption",
                    "{\"reason\":\"r\",\"expiresInDays\":" + days + "}");
            assertEquals(adopt.toString(), 400, adopt.status());
            assertTrue(adopt.body(), adopt.body().contains("expiresInDays"));
        }

        // the audit log pages with a cursor and filters by action
        Http.Answer first = http.get("/initiatives/trust-input/audit?limit=2");
        assertEquals(2, first.json().size());
        String next = first.header("Link");
        assertNotNull("a next page is linked", next);
        assertTrue(next, next.contains("before=" + first.json().get(1).get("id").asLong()) && next.contains("rel=\"next\""));
        Http.Answer second = http.get("/initiatives/trust-input/audit?limit=2&before=" + first.json().get(1).get("id").asLong());
        assertTrue(second.json().get(0).get("id").asLong() < first.json().get(1).get("id").asLong());
        JsonNode corrected = http.get("/initiatives/trust-input/audit?action=value.correct").json();
        assertEquals(1, corrected.size());
        assertTrue(corrected.toString(), corrected.get(0).get("detail").asText().contains("was 10"));
    }
}
