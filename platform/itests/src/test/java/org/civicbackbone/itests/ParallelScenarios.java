package org.civicbackbone.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import java.util.stream.IntStream;

/**
 * The invariants of the trust issue under parallel clients, over real HTTP: one decision, one effect and no late
 * votes under parallel votes; money received and allocated never beyond what it may be under parallel requests.
 * Each parallel client {@code i} sends through {@code client(i)}: one platform (TrustIT) or nodes in turn (ClusterIT).
 * Voters are the logins {@code v01}..{@code v22}, all with one password.
 */
final class ParallelScenarios {

    private final Http admin;
    private final IntFunction<Http> client;
    private final String voterPassword;

    ParallelScenarios(Http admin, IntFunction<Http> client, String voterPassword) {
        this.admin = admin;
        this.client = client;
        this.voterPassword = voterPassword;
    }

    /** Creates an initiative with bodies: each entry is "type:login@organisation,login@organisation,...". */
    void initiative(String id, String model, String functions, String... bodies) {
        Http.Answer created = admin.post("/initiatives", "{\"id\":\"" + id + "\",\"name\":\"" + id
                + "\",\"structureModelId\":\"" + model + "\",\"enabledFunctionIds\":" + functions + "}");
        assertEquals(created.toString(), 201, created.status());
        for (String body : bodies) {
            String[] parts = body.split(":");
            Http.Answer b = admin.post("/initiatives/" + id + "/bodies",
                    "{\"type\":\"" + parts[0] + "\",\"name\":\"" + parts[0] + " of " + id + "\"}");
            assertEquals(b.toString(), 201, b.status());
            if (parts.length > 1) {
                for (String member : parts[1].split(",")) {
                    seat(id, b.json().get("id").asLong(), member);
                }
            }
        }
    }

    Http.Answer seat(String initiative, long bodyId, String member) {
        String[] m = member.split("@");
        Http.Answer added = admin.post("/initiatives/" + initiative + "/bodies/" + bodyId + "/members",
                "{\"person\":\"" + m[0] + "\",\"username\":\"" + m[0] + "\",\"organisation\":\"" + m[1]
                        + "\",\"role\":\"member\",\"sector\":\"NONPROFIT\"}");
        assertEquals(added.toString(), 201, added.status());
        return added;
    }

    long bodyOfType(String initiative, String type) {
        for (JsonNode b : admin.get("/initiatives/" + initiative + "/bodies").json()) {
            if (b.get("type").asText().equals(type)) {
                return b.get("id").asLong();
            }
        }
        throw new AssertionError("no body of type " + type);
    }

    Http.Answer vote(Http through, String initiative, long proposal, String voter, String choice) {
        return through.send("POST", "/initiatives/" + initiative + "/governance/proposals/" + proposal + "/votes",
                voter + ":" + voterPassword, "application/json", "{\"choice\":\"" + choice + "\",\"reason\":\"because\"}");
    }

    static <T> List<T> inParallel(int clients, IntFunctionCall<T> call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            List<Callable<T>> calls = new ArrayList<>();
            IntStream.range(0, clients).forEach(i -> calls.add(() -> call.apply(i)));
            List<T> results = new ArrayList<>();
            for (Future<T> f : pool.invokeAll(calls, 120, TimeUnit.SECONDS)) {
                results.add(f.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    /** A call of parallel client {@code i}. */
    @FunctionalInterface
    interface IntFunctionCall<T> {
        T apply(int i) throws Exception;
    }

    static Map<Integer, Integer> statuses(List<Http.Answer> answers) {
        Map<Integer, Integer> counts = new TreeMap<>();
        answers.forEach(a -> counts.merge(a.status(), 1, Integer::sum));
        return counts;
    }

    /** Three rounds of a hire put to a board of 20 whose members all approve at once. */
    void aHireIsDecidedAppliedAndAnnouncedOnce(String prefix) throws Exception {
        for (int round = 1; round <= 3; round++) {
            String id = prefix + "-hire-" + round;
            StringBuilder board = new StringBuilder("board-of-directors:");
            for (int i = 1; i <= 20; i++) {
                board.append(i > 1 ? "," : "").append(String.format("v%02d@Org %d", i, i));
            }
            initiative(id, "stand-alone", "[]", board.toString(), "advisory-committee:v21@Partner Org");
            Http.Answer hire = admin.post("/initiatives/" + id + "/staff", "{\"person\":\"Jordan Lee\",\"username\":"
                    + "\"v22\",\"role\":\"director\",\"organisation\":\"Host\",\"reason\":\"needed\"}");
            long proposal = hire.json().get("proposalId").asLong();
            List<Http.Answer> answers = inParallel(20, i -> vote(client.apply(i), id, proposal,
                    String.format("v%02d", i + 1), "APPROVE"));
            Map<Integer, Integer> counts = statuses(answers);
            assertTrue("round " + round + ": " + counts, counts.keySet().stream().allMatch(s -> s == 200 || s == 409));
            JsonNode record = admin.get("/initiatives/" + id + "/governance/proposals/" + proposal).json();
            assertEquals("a majority of approvals decides", "APPROVED", record.get("proposal").get("state").asText());
            assertEquals("every acknowledged vote is kept, no other", (int) counts.getOrDefault(200, 0),
                    record.get("votes").size());
            String decidedAt = record.get("proposal").get("decidedAt").asText();
            for (JsonNode v : record.get("votes")) {
                assertTrue("vote after the decision: " + v, v.get("castAt").asText().compareTo(decidedAt) <= 0);
            }
            int hires = 0;
            int decisions = 0;
            for (JsonNode entry : admin.get("/initiatives/" + id + "/audit?limit=1000").json()) {
                hires += entry.get("action").asText().equals("staff.hire") ? 1 : 0;
                decisions += entry.get("action").asText().equals("proposal.decided") ? 1 : 0;
            }
            assertEquals("round " + round + ": decided once", 1, decisions);
            assertEquals("round " + round + ": hired once", 1, hires);
            JsonNode members = admin.get("/initiatives/" + id + "/bodies/" + bodyOfType(id, "backbone-team")
                    + "/members").json();
            assertEquals("round " + round + ": one seat on the team", 1, members.size());
        }
    }

    /**
     * Three grants of 100, each received in 30 parallel receipts of 10 and allocated in 30 parallel allocations of
     * 10: ten of each go through, the rest are refused; the totals end exact. Returns the resources address.
     */
    String moneyNeverExceedsWhatItMay(String initiative) throws Exception {
        initiative(initiative, "stand-alone", "[\"resources\"]", "board-of-directors:v01@Board One,v02@Board Two,"
                + "v03@Board Three", "advisory-committee:v04@Library,v05@School,v06@Clinic");
        String base = "/initiatives/" + initiative + "/resources";
        long funder = admin.post(base + "/funders", "{\"name\":\"Trust Foundation\",\"sector\":\"FUNDER\"}").json()
                .get("id").asLong();
        for (int round = 1; round <= 3; round++) {
            Http.Answer created = admin.post(base + "/grants", "{\"funderId\":" + funder + ",\"title\":\"Round " + round
                    + "\",\"amountRequested\":100}");
            assertEquals(created.toString(), 201, created.status());
            long grant = created.json().get("id").asLong();
            assertEquals(200, admin.send("PUT", base + "/grants/" + grant + "/stage", Http.ADMIN, "application/json",
                    "{\"stage\":\"AWARDED\",\"amountAwarded\":100}").status());
            long acceptance = admin.post(base + "/grants/" + grant + "/acceptance", "{\"reason\":\"fits\"}").json()
                    .get("acceptanceProposalId").asLong();
            assertEquals(200, vote(client.apply(0), initiative, acceptance, "v01", "APPROVE").status());
            assertEquals(200, vote(client.apply(1), initiative, acceptance, "v02", "APPROVE").status());
            assertEquals("ACTIVE", admin.get(base + "/grants/" + grant).json().get("status").asText());

            List<Http.Answer> receipts = inParallel(30, i -> client.apply(i).post(base + "/grants/" + grant
                    + "/receipts", "{\"amount\":10,\"receivedOn\":\"2026-02-01\"}"));
            Map<Integer, Integer> counts = statuses(receipts);
            assertEquals("round " + round + ": " + counts, Integer.valueOf(10), counts.get(201));
            assertEquals("round " + round + ": " + counts, Integer.valueOf(20), counts.get(400));
            assertEquals(0, new BigDecimal("100").compareTo(admin.get(base + "/grants/" + grant).json()
                    .get("received").decimalValue()));

            List<Http.Answer> allocations = inParallel(30, i -> client.apply(i).post(base + "/allocations",
                    "{\"grantId\":" + grant + ",\"recipientKind\":\"PARTNER\",\"recipient\":\"Library\",\"amount\":10,"
                            + "\"purpose\":\"books for class " + i + " on grant " + grant + "\"}")); // alike would be 409
            Map<Integer, Integer> allocated = statuses(allocations);
            assertEquals("round " + round + ": " + allocated, Integer.valueOf(10), allocated.get(202));
            assertTrue("round " + round + ": " + allocated, allocated.keySet().stream().allMatch(s -> s == 202 || s == 400));
        }
        JsonNode totals = admin.get(base).json().get("totals");
        assertEquals(300, totals.get("received").asDouble(), 0.001);
        assertEquals(300, totals.get("pending").asDouble(), 0.001);
        assertEquals(0, totals.get("available").asDouble(), 0.001);
        return base;
    }

    /**
     * Twelve clicks at one moment, spread over the clients, each of one record: a grant, a working group (each in the
     * platform's modules, under their own lock) and a body (the core's). The names are spelt apart by case and spaces,
     * so no unique column tells them apart: one of each is created, eleven are refused with 409.
     */
    void clicksAtOneMomentMakeOneRecord(String initiative) throws Exception {
        initiative(initiative, "stand-alone", "[\"resources\",\"aligned-activities\"]", "board-of-directors:v01@Board One");
        String resources = "/initiatives/" + initiative + "/resources";
        long funder = admin.post(resources + "/funders", "{\"name\":\"Click Foundation\",\"sector\":\"FUNDER\"}")
                .json().get("id").asLong();
        oneOf(resources + "/grants", i -> "{\"funderId\":" + funder + ",\"title\":\"" + spelt(i, "Summer reading")
                + "\",\"amountRequested\":100}");
        oneOf("/initiatives/" + initiative + "/aligned-activities/working-groups",
                i -> "{\"name\":\"" + spelt(i, "Early learning") + "\",\"purpose\":\"readiness\"}");
        oneOf("/initiatives/" + initiative + "/bodies",
                i -> "{\"type\":\"advisory-committee\",\"name\":\"" + spelt(i, "Parents panel") + "\"}");
    }

    /**
     * Twelve changes alike at one moment, spread over the clients (found by sixteen over HTTP on PostgreSQL,
     * 2026-12-07): a budget year set (500 on its lines' key before), a funder's contact edited (logged five times
     * before), a function enabled (500 on the functions' key before) and a seat retired (by three requests before).
     * Each is made once: the sets and edits all answer 200 with one entry in the audit log, the retirement 200 once and
     * 409 for the rest.
     */
    void changesAtOneMomentAreMadeOnce(String initiative) throws Exception {
        initiative(initiative, "stand-alone", "[\"resources\"]", "board-of-directors:v01@Board One,v02@Board Two");
        String base = "/initiatives/" + initiative;
        long funder = admin.post(base + "/resources/funders", "{\"name\":\"Change Foundation\",\"sector\":\"FUNDER\"}")
                .json().get("id").asLong();
        assertEquals(Map.of(200, 12), statuses(inParallel(12, i -> client.apply(i).send("PUT", base
                + "/resources/budget/2031", Http.ADMIN, "application/json",
                "{\"lines\":[{\"category\":\"Staff\",\"amount\":100}]}"))));
        assertEquals(1, admin.get(base + "/resources/budget/2031").json().get("lines").size());
        assertEquals(Map.of(200, 12), statuses(inParallel(12, i -> client.apply(i).send("PUT", base
                + "/resources/funders/" + funder, Http.ADMIN, "application/json",
                "{\"name\":\"Change Foundation\",\"sector\":\"FUNDER\",\"contact\":\"grants@change.example\"}"))));
        assertEquals(Map.of(200, 12), statuses(inParallel(12, i -> client.apply(i).send("PUT", base
                + "/functions/aligned-activities", Http.ADMIN, null, null))));
        long board = bodyOfType(initiative, "board-of-directors");
        long seat = admin.get(base + "/bodies/" + board + "/members").json().get(0).get("id").asLong();
        assertEquals(Map.of(200, 1, 409, 11), statuses(inParallel(12, i -> client.apply(i).send("DELETE", base
                + "/bodies/" + board + "/members/" + seat, Http.ADMIN, null, null))));
        Map<String, Integer> logged = new TreeMap<>();
        admin.get(base + "/audit?limit=100").json().forEach(e -> logged.merge(e.get("action").asText(), 1,
                Integer::sum));
        assertEquals(logged.toString(), List.of(1, 1, 1, 1), List.of(logged.get("budget.set"),
                logged.get("funder.change"), logged.get("function.enable"), logged.get("membership.retire")));
        fundersAddedWhileTheirOrganisationsAreMerged(base);
        importsWhileTheirPartnersAreMerged(base);
    }

    /**
     * Six imports whose rows name one organisation and then another, each sent at the moment the first is merged into
     * the second (ADR 0025, 42nd session): each import is stored whole or refused with 409 ("import the file again"),
     * each merge is made, and every value points to an organisation of the registry. Before, the merge took both
     * organisations whole and the import, holding the first, waited for the second: on H2 both hung for good (one pair
     * in twelve, by a script), on PostgreSQL one merge in three failed with 500, "deadlock detected".
     */
    private void importsWhileTheirPartnersAreMerged(String base) throws Exception {
        assertEquals(200, admin.send("PUT", base + "/functions/shared-measurement", Http.ADMIN, null, null).status());
        Http.Answer indicator = admin.post(base + "/shared-measurement/indicators", "{\"name\":\"Merged partners' "
                + "cards\",\"definition\":\"cards issued\",\"unit\":\"cards\",\"direction\":\"UP\",\"aggregation\":"
                + "\"SUM\",\"reportingPeriod\":\"MONTH\",\"baseline\":0,\"baselineDate\":\"2001-01-01\",\"target\":100,"
                + "\"targetDate\":\"2030-01-01\"}");
        assertEquals(indicator.toString(), 201, indicator.status());
        List<Long> duplicates = new ArrayList<>();
        List<Long> kept = new ArrayList<>();
        List<String> files = new ArrayList<>();
        for (int pair = 0; pair < 6; pair++) {
            kept.add(registered(base, "Kept Reader " + pair, "EDUCATION")); // the lower id: held second
            duplicates.add(registered(base, "Merging Reader " + pair, "EDUCATION"));
            StringBuilder csv = new StringBuilder("indicator,period,partner,value\n");
            for (String partner : List.of("Merging Reader " + pair, "Kept Reader " + pair)) {
                int first = partner.startsWith("Merging") ? 2001 : 2007; // the slots stay apart once merged
                for (int month = 0; month < 72; month++) {
                    csv.append(String.format("Merged partners' cards,%d-%02d,%s,1\n", first + month / 12,
                            month % 12 + 1, partner));
                }
            }
            files.add(csv.toString());
        }
        List<Http.Answer> answers = inParallel(12, i -> i % 2 == 0
                ? client.apply(i).send("POST", base + "/shared-measurement/values/import", Http.ADMIN, "text/csv",
                        files.get(i / 2))
                : client.apply(i).post(base + "/organisations/" + duplicates.get(i / 2) + "/merge",
                        "{\"into\":" + kept.get(i / 2) + "}"));
        int imported = 0;
        for (int i = 0; i < answers.size(); i++) {
            int status = answers.get(i).status();
            assertTrue(answers.get(i).toString(), i % 2 == 0 ? status == 200 || status == 409 : status == 200);
            imported += i % 2 == 0 && status == 200 ? 1 : 0;
        }
        List<Long> registered = new ArrayList<>();
        admin.get(base + "/organisations").json().forEach(o -> registered.add(o.get("id").asLong()));
        JsonNode values = admin.get(base + "/shared-measurement/indicators/" + indicator.json().get("id").asLong()
                + "/values").json();
        assertEquals("144 values for each file imported", imported * 144, values.size());
        values.forEach(v -> assertTrue(v.get("partner").asText() + " points to " + v.get("organisationId")
                + ", not in the registry " + registered, registered.contains(v.get("organisationId").asLong())));
    }

    /**
     * Six funders added, each at the moment its organisation is merged into another (ADR 0025's amendment): every
     * funder points to an organisation of the registry afterwards. Before, one pair in twenty left a funder pointing
     * to the organisation merged away.
     */
    private void fundersAddedWhileTheirOrganisationsAreMerged(String base) throws Exception {
        List<Long> duplicates = new ArrayList<>();
        List<Long> kept = new ArrayList<>();
        for (int pair = 0; pair < 6; pair++) {
            duplicates.add(registered(base, "Merging Fund " + pair, "PHILANTHROPY"));
            kept.add(registered(base, "Kept Fund " + pair, "PHILANTHROPY"));
        }
        Map<Integer, Integer> counts = statuses(inParallel(12, i -> i % 2 == 0
                ? client.apply(i).post(base + "/resources/funders", "{\"name\":\"Merging Fund " + i / 2
                        + "\",\"sector\":\"PHILANTHROPY\"}")
                : client.apply(i).post(base + "/organisations/" + duplicates.get(i / 2) + "/merge",
                        "{\"into\":" + kept.get(i / 2) + "}")));
        assertEquals(Map.of(200, 6, 201, 6), counts);
        List<Long> registered = new ArrayList<>();
        admin.get(base + "/organisations").json().forEach(o -> registered.add(o.get("id").asLong()));
        admin.get(base + "/resources/funders").json().forEach(f -> assertTrue(f.get("name").asText() + " points to "
                + f.get("organisationId") + ", not in the registry " + registered,
                registered.contains(f.get("organisationId").asLong())));
    }

    /** The id of an organisation registered in the initiative at {@code base}. */
    private long registered(String base, String name, String sector) {
        Http.Answer organisation = admin.post(base + "/organisations", "{\"name\":\"" + name + "\",\"sectors\":[\""
                + sector + "\"]}");
        assertEquals(organisation.toString(), 201, organisation.status());
        return organisation.json().get("id").asLong();
    }

    private void oneOf(String path, IntFunction<String> body) throws Exception {
        int before = admin.get(path).json().size();
        Map<Integer, Integer> counts = statuses(inParallel(12, i -> client.apply(i).post(path, body.apply(i))));
        assertEquals(path + ": " + counts, Map.of(201, 1, 409, 11), counts);
        assertEquals(path + ": one record made", before + 1, admin.get(path).json().size());
    }

    /** The name as the {@code i}th person types it: case and spaces differ, the name does not. */
    private static String spelt(int i, String name) {
        String cased = switch (i % 3) {
            case 0 -> name;
            case 1 -> name.toUpperCase(java.util.Locale.ROOT);
            default -> name.toLowerCase(java.util.Locale.ROOT);
        };
        return " ".repeat(i % 2) + cased.replace(" ", " ".repeat(1 + i / 6));
    }
}
