package org.civicbackbone.itests;

import static org.civicbackbone.itests.BackboneContainer.features;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/** Each structure model's accountability rules enforced through real HTTP, with members who log in and vote. */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class GovernanceIT extends InsideKaraf {

    private void ready() throws InterruptedException {
        awaitServing("structure-seconded", "structure-stand-alone");
    }

    /** Creates an initiative with bodies: each entry is "type:member[@organisation],member,...". */
    private void initiative(String id, String model, String... bodies) {
        Http.Answer created = http.post("/initiatives", "{\"id\":\"" + id + "\",\"name\":\"" + id
                + "\",\"structureModelId\":\"" + model + "\",\"enabledFunctionIds\":[]}");
        assertEquals(created.toString(), 201, created.status());
        for (String body : bodies) {
            String[] parts = body.split(":");
            Http.Answer b = http.post("/initiatives/" + id + "/bodies",
                    "{\"type\":\"" + parts[0] + "\",\"name\":\"" + parts[0] + " of " + id + "\"}");
            assertEquals(b.toString(), 201, b.status());
            long bodyId = b.json().get("id").asLong();
            if (parts.length > 1) {
                for (String member : parts[1].split(",")) {
                    String[] m = member.split("@");
                    String org = m.length > 1 ? m[1] : "Org of " + m[0];
                    String login = m[0].equals("-") ? "null" : "\"" + m[0] + "\"";
                    Http.Answer added = http.post("/initiatives/" + id + "/bodies/" + bodyId + "/members",
                            "{\"person\":\"" + m[0] + "\",\"username\":" + login + ",\"organisation\":\"" + org
                                    + "\",\"role\":\"member\",\"sector\":\"NONPROFIT\"}");
                    assertEquals(added.toString(), 201, added.status());
                }
            }
        }
    }

    private long proposeHire(String id) {
        Http.Answer hire = http.post("/initiatives/" + id + "/staff", "{\"person\":\"Jordan Lee\",\"role\":"
                + "\"backbone director\",\"organisation\":\"Host\",\"reason\":\"the collaborative needs a director\"}");
        assertEquals(hire.toString(), 202, hire.status());
        assertEquals("OPEN", hire.json().get("state").asText());
        return hire.json().get("proposalId").asLong();
    }

    private Http.Answer vote(String id, long proposal, String voter, String choice, String reason) {
        return http.send("POST", "/initiatives/" + id + "/governance/proposals/" + proposal + "/votes", voter + ":pw",
                "application/json", "{\"choice\":\"" + choice + "\",\"reason\":\"" + reason + "\"}");
    }

    /** The proposals of one initiative that {@code GET /my-work/awaiting-my-vote} lists for the login. */
    private List<Long> awaiting(String login, String initiativeId) {
        Http.Answer answer = http.send("GET", "/my-work/awaiting-my-vote", login + ":pw", null, null);
        assertEquals(answer.toString(), 200, answer.status());
        List<Long> ids = new java.util.ArrayList<>();
        answer.json().forEach(p -> {
            if (p.get("initiativeId").asText().equals(initiativeId)) {
                ids.add(p.get("id").asLong());
            }
        });
        return ids;
    }

    private JsonNode castOk(String id, long proposal, String voter, String choice, String reason) {
        Http.Answer answer = vote(id, proposal, voter, choice, reason);
        assertEquals(answer.toString(), 200, answer.status());
        return answer.json().get("proposal");
    }

    private JsonNode teamMembers(String id) {
        List<JsonNode> team = new ArrayList<>();
        http.get("/initiatives/" + id + "/bodies").json().forEach(b -> {
            if (b.get("type").asText().equals("backbone-team")) {
                http.get("/initiatives/" + id + "/bodies/" + b.get("id").asLong() + "/members").json().forEach(team::add);
            }
        });
        return new com.fasterxml.jackson.databind.ObjectMapper().valueToTree(team);
    }

    @Test
    public void nestedHostBoardApprovesButLeadershipGroupObjectsSoNobodyIsHired() throws Exception {
        ready();
        initiative("nested-hire", "nested", "fiscal-host:-@Host", "host-board:hb1,hb2,hb3", "leadership-group:lg1,lg2,lg3");
        assertEquals(List.of(), list(http.get("/initiatives/nested-hire/governance").json().get("problems")));
        long refused = proposeHire("nested-hire");
        assertEquals("the host board decides first", List.of(refused), awaiting("hb1", "nested-hire"));
        assertEquals(List.of(), awaiting("lg1", "nested-hire"));
        // a calendar app subscribed with the login's name and password is reminded of when voting closes (the logins
        // sit in other tests' initiatives too: this one's events link to its page)
        Http.Answer calendar = http.send("GET", "/my-work/calendar", "hb1:pw", null, null);
        assertEquals(calendar.toString(), 200, calendar.status());
        assertTrue(calendar.contentType(), calendar.contentType().startsWith("text/calendar"));
        String board = calendar.body().replace("\r\n ", "");
        assertTrue(board, board.contains("\r\nSUMMARY:Voting closes: Hire Jordan Lee as backbone director\r\n"));
        assertTrue(board, board.contains("/console/#/i/nested-hire\r\n"));
        String leadership = http.send("GET", "/my-work/calendar", "lg1:pw", null, null).body().replace("\r\n ", "");
        assertFalse("nothing here waits for lg1's vote yet: " + leadership,
                leadership.contains("/console/#/i/nested-hire\r\n"));
        assertEquals("OPEN", castOk("nested-hire", refused, "hb1", "APPROVE", "good candidate").get("state").asText());
        assertEquals("hb1 has voted", List.of(), awaiting("hb1", "nested-hire"));
        assertEquals(List.of(refused), awaiting("hb2", "nested-hire"));
        JsonNode afterBoard = castOk("nested-hire", refused, "hb2", "APPROVE", "budget allows it");
        assertEquals("the board's step is decided", List.of(), awaiting("hb3", "nested-hire"));
        assertEquals("now the leadership group", List.of(refused), awaiting("lg1", "nested-hire"));
        assertEquals("APPROVED", afterBoard.get("steps").get(0).get("state").asText());
        assertEquals("OPEN", afterBoard.get("state").asText());
        assertEquals("the host board cannot vote on the leadership group's step", 403,
                vote("nested-hire", refused, "hb3", "APPROVE", "me too").status());
        castOk("nested-hire", refused, "lg1", "OBJECT", "the group was not consulted on the role");
        JsonNode outcome = castOk("nested-hire", refused, "lg2", "OBJECT", "we want an open search");
        assertEquals("REJECTED", outcome.get("state").asText());
        assertEquals("REJECTED", http.get("/initiatives/nested-hire/staff").json().get(0).get("state").asText());
        assertTrue(http.get("/initiatives/nested-hire/staff").json().get(0).get("hiredAt").isNull());
        assertEquals("nobody is hired", 0, teamMembers("nested-hire").size());

        long approved = proposeHire("nested-hire");
        castOk("nested-hire", approved, "hb1", "APPROVE", "ok");
        castOk("nested-hire", approved, "hb2", "APPROVE", "ok");
        castOk("nested-hire", approved, "lg1", "APPROVE", "after an open search");
        assertEquals("APPROVED", castOk("nested-hire", approved, "lg3", "APPROVE", "agreed").get("state").asText());
        JsonNode team = teamMembers("nested-hire");
        assertEquals(1, team.size());
        assertEquals("Jordan Lee", team.get(0).get("person").asText());
    }

    @Test
    public void secondedTheCeoAloneIsNotEnough() throws Exception {
        ready();
        initiative("seconded-hire", "seconded", "employing-organisation:-@Host", "employing-ceo:ceo",
                "collaborative-table:lg1,lg2,lg3");
        long proposal = proposeHire("seconded-hire");
        JsonNode afterCeo = castOk("seconded-hire", proposal, "ceo", "APPROVE", "I can release her two days a week");
        assertEquals("OPEN", afterCeo.get("state").asText());
        assertEquals(0, teamMembers("seconded-hire").size());
        castOk("seconded-hire", proposal, "lg1", "APPROVE", "yes");
        assertEquals("APPROVED", castOk("seconded-hire", proposal, "lg2", "APPROVE", "yes").get("state").asText());
        assertEquals(1, teamMembers("seconded-hire").size());
    }

    @Test
    public void volunteerBackbonesCannotHire() throws Exception {
        ready();
        initiative("volunteer-hire", "volunteer", "volunteer-team:lg1,lg2", "fiscal-host:hb1", "advisory-table:hb2");
        Http.Answer refused = http.post("/initiatives/volunteer-hire/staff",
                "{\"person\":\"Jordan Lee\",\"role\":\"coordinator\",\"organisation\":\"Host\"}");
        assertEquals(refused.toString(), 409, refused.status());
        assertTrue(refused.body(), refused.body().contains("no paid staff"));
        assertEquals(0, http.get("/initiatives/volunteer-hire/staff").json().size());
    }

    @Test
    public void standAloneBoardMajorityWithDissentOnRecordAndAChangedVoteKept() throws Exception {
        ready();
        initiative("stand-alone-hire", "stand-alone", "board-of-directors:hb1,hb2,hb3", "advisory-committee:lg1");
        long proposal = proposeHire("stand-alone-hire");
        castOk("stand-alone-hire", proposal, "hb2", "APPROVE", "fine");
        castOk("stand-alone-hire", proposal, "hb2", "OBJECT", "on reflection the salary is too high");
        castOk("stand-alone-hire", proposal, "hb1", "APPROVE", "needed");
        assertEquals("only members of the deciding body vote", 403,
                vote("stand-alone-hire", proposal, "lg1", "APPROVE", "x").status());
        assertEquals("a stranger does not even see the proposal", 404,
                vote("stand-alone-hire", proposal, "outsider", "APPROVE", "x").status());
        assertEquals("APPROVED", castOk("stand-alone-hire", proposal, "hb3", "APPROVE", "needed").get("state").asText());
        assertEquals("a decided proposal takes no votes", 409,
                vote("stand-alone-hire", proposal, "hb1", "OBJECT", "too late").status());

        JsonNode log = http.get("/initiatives/stand-alone-hire/governance/decision-log").json();
        JsonNode votes = log.get(0).get("votes");
        assertEquals("the changed vote is a new record", 4, votes.size());
        assertEquals("APPROVE", votes.get(0).get("choice").asText());
        assertEquals("OBJECT", votes.get(1).get("choice").asText());
        assertEquals("on reflection the salary is too high", votes.get(1).get("reason").asText());
        String csv = http.get("/initiatives/stand-alone-hire/governance/decision-log.csv").body();
        assertTrue(csv, csv.contains("hb2,Org of hb2,OBJECT,on reflection the salary is too high"));
        assertTrue(csv, csv.contains(",APPROVED,"));

        String logPath = "/initiatives/stand-alone-hire/governance/decision-log";
        assertEquals(1, http.get(logPath + "?state=approved&type=HIRE_STAFF").json().size());
        assertEquals(0, http.get(logPath + "?state=OPEN").json().size());
        assertEquals(0, http.get("/initiatives/stand-alone-hire/governance/proposals?state=REJECTED").json().size());
        assertEquals(1, http.get(logPath + "?from=2000-01-01&until=2999-12-31").json().size());
        assertFalse(http.get(logPath + ".csv?state=OPEN").body().contains(",APPROVED,"));
        Http.Answer typo = http.get(logPath + "?state=aproved");
        assertEquals(typo.toString(), 400, typo.status());
        assertTrue(typo.body(), typo.body().contains("\"field\":\"state\""));
    }

    @Test
    public void aMemberOfTheBeneficiaryCannotVote() throws Exception {
        ready();
        initiative("conflict", "stand-alone", "board-of-directors:hb1@Eastside Clinic,hb2,hb3", "advisory-committee:lg1");
        Http.Answer proposed = http.post("/initiatives/conflict/governance/proposals", "{\"type\":\"ACCEPT_GRANT\","
                + "\"title\":\"Accept the Eastside Clinic grant\",\"beneficiary\":\"Eastside Clinic\"}");
        assertEquals(proposed.toString(), 201, proposed.status());
        long id = proposed.json().get("id").asLong();
        Http.Answer conflicted = vote("conflict", id, "hb1", "APPROVE", "we need it");
        assertEquals(409, conflicted.status());
        assertTrue(conflicted.body().contains("Conflict of interest"));
        castOk("conflict", id, "hb2", "APPROVE", "yes");
        assertEquals("two of the two eligible members", "APPROVED",
                castOk("conflict", id, "hb3", "APPROVE", "yes").get("state").asText());

        initiative("conflict-only", "seconded", "employing-organisation:-@Host", "employing-ceo:ceo@Host",
                "collaborative-table:lg1");
        Http.Answer onlyApprover = http.post("/initiatives/conflict-only/governance/proposals",
                "{\"type\":\"ACCEPT_GRANT\",\"title\":\"Grant to the host\",\"beneficiary\":\"Host\"}");
        assertEquals("the conflicted CEO would be the only approver", 409, onlyApprover.status());
    }

    @Test
    public void setupProblemsAreReportedAndTheModelIsShown() throws Exception {
        ready();
        initiative("bare-nested", "nested", "host-board:hb1");
        JsonNode governance = http.get("/initiatives/bare-nested/governance").json();
        assertEquals("nested", governance.get("model").get("id").asText());
        assertEquals(7, governance.get("rules").size());
        List<String> problems = list(governance.get("problems"));
        assertTrue(problems.toString(), problems.contains("nested: no fiscal host designated (a body of type 'fiscal-host')"));
        assertTrue(problems.toString(), problems.stream().anyMatch(p -> p.contains("leadership group")));
        assertEquals(409, http.post("/initiatives/bare-nested/staff",
                "{\"person\":\"A\",\"role\":\"r\",\"organisation\":\"o\"}").status());
    }

    @Test
    public void withoutItsModelModuleGovernedActionsAreRefusedAndHistoryStays() throws Exception {
        ready();
        initiative("model-gone", "volunteer", "volunteer-team:lg1,lg2", "fiscal-host:hb1", "advisory-table:hb2");
        Http.Answer first = http.post("/initiatives/model-gone/governance/proposals",
                "{\"type\":\"SPEAK_ON_BEHALF\",\"title\":\"Op-ed in the county paper\"}");
        assertEquals(first.toString(), 201, first.status());
        try {
            features(bundleContext).uninstallFeature("backbone-structure-volunteer");
            http.await("/health", a -> !a.body().contains("structure-volunteer"));
            Http.Answer refused = http.post("/initiatives/model-gone/governance/proposals",
                    "{\"type\":\"SPEAK_ON_BEHALF\",\"title\":\"Radio interview\"}");
            assertEquals(refused.toString(), 409, refused.status());
            assertTrue(refused.body().contains("structure-volunteer"));
            JsonNode governance = http.get("/initiatives/model-gone/governance").json();
            assertFalse(governance.get("modelInstalled").asBoolean());
            assertEquals("structure-volunteer", governance.get("missingModule").asText());
            assertEquals(1, http.get("/initiatives/model-gone/governance/proposals").json().size());
        } finally {
            features(bundleContext).installFeature("backbone-structure-volunteer");
        }
        http.await("/initiatives/model-gone/governance", a -> a.status() == 200 && a.json().get("modelInstalled").asBoolean());
        Http.Answer again = http.post("/initiatives/model-gone/governance/proposals",
                "{\"type\":\"SPEAK_ON_BEHALF\",\"title\":\"Radio interview\"}");
        assertEquals(again.toString(), 201, again.status());
        Http.Answer twice = http.post("/initiatives/model-gone/governance/proposals",
                "{\"type\":\"SPEAK_ON_BEHALF\",\"title\":\"radio  interview\"}");
        assertEquals("a second click splits no votes: " + twice, 409, twice.status());
        assertTrue(twice.body(), twice.body().contains("{\"field\":\"title\",\"message\":\"is open proposal "
                + again.json().get("id").asLong() + "\"}"));
        assertEquals(2, http.get("/initiatives/model-gone/governance/proposals").json().size());
    }

    @Test
    public void aPersonSeesOnlyTheInitiativesTheyBelongTo() throws Exception {
        ready();
        initiative("access-a", "stand-alone", "board-of-directors:hb1,hb2", "advisory-committee:lg1");
        initiative("access-b", "stand-alone", "board-of-directors:hb3", "advisory-committee:lg2");
        assertEquals(200, http.send("GET", "/initiatives/access-a/governance", "hb1:pw", null, null).status());
        Http.Answer hidden = http.send("GET", "/initiatives/access-b/governance", "hb1:pw", null, null);
        assertEquals("another initiative's data is not found, not forbidden", 404, hidden.status());
        assertEquals(404, http.send("GET", "/initiatives/access-b", "outsider:pw", null, null).status());
        assertEquals(404, http.send("POST", "/initiatives/access-b/governance/proposals", "hb1:pw", "application/json",
                "{\"type\":\"SPEAK_ON_BEHALF\",\"title\":\"x\"}").status());
        JsonNode mine = http.send("GET", "/initiatives", "hb1:pw", null, null).json();
        assertTrue(mine.toString(), mine.findValuesAsText("id").contains("access-a"));
        assertFalse(mine.toString(), mine.findValuesAsText("id").contains("access-b"));
        assertEquals("only admins create initiatives", 403, http.send("POST", "/initiatives", "hb1:pw",
                "application/json", "{\"name\":\"x\",\"structureModelId\":\"nested\",\"enabledFunctionIds\":[]}").status());
        assertEquals("only staff change the set-up", 403, http.send("POST", "/initiatives/access-a/bodies", "hb1:pw",
                "application/json", "{\"type\":\"partners\",\"name\":\"p\"}").status());
    }

    @Test
    public void aVolunteerBackboneGrowsIntoANestedOneAndItsHistoryStays() throws Exception {
        ready();
        initiative("growing", "volunteer", "volunteer-team:lg1,lg2", "fiscal-host:hb1", "advisory-table:hb2");
        Http.Answer speak = http.post("/initiatives/growing/governance/proposals",
                "{\"type\":\"SPEAK_ON_BEHALF\",\"title\":\"Letter to the school board\"}");
        long spoken = speak.json().get("id").asLong();
        castOk("growing", spoken, "lg1", "APPROVE", "agreed");
        assertEquals("APPROVED", castOk("growing", spoken, "lg2", "APPROVE", "agreed").get("state").asText());

        Http.Answer move = http.post("/initiatives/growing/governance/structure",
                "{\"modelId\":\"nested\",\"reason\":\"we have funds for staff and a host\"}");
        assertEquals(move.toString(), 201, move.status());
        long moveId = move.json().get("id").asLong();
        assertEquals("CHANGE_STRUCTURE", move.json().get("type").asText());
        castOk("growing", moveId, "lg1", "APPROVE", "time to grow");
        castOk("growing", moveId, "lg2", "APPROVE", "time to grow");
        assertEquals("APPROVED", castOk("growing", moveId, "hb2", "APPROVE", "the table agrees").get("state").asText());

        JsonNode governance = http.await("/initiatives/growing/governance",
                a -> a.json().get("structureModelId").asText().equals("nested")).json();
        assertTrue(governance.get("problems").toString(), governance.get("problems").toString().contains("nested: no"));
        JsonNode history = http.get("/initiatives/growing/governance/history").json().get("models");
        assertEquals(2, history.size());
        assertEquals("volunteer", history.get(0).get("modelId").asText());
        assertEquals("nested", history.get(1).get("modelId").asText());
        JsonNode past = http.get("/initiatives/growing/governance/proposals/" + spoken).json().get("proposal");
        assertEquals("the past decision stays judged under the volunteer model", "volunteer", past.get("modelId").asText());
        assertEquals("volunteer-team", past.get("steps").get(0).get("bodyType").asText());
        assertEquals("APPROVED", past.get("state").asText());
        assertEquals("PUT cannot bypass the decision", 409, http.send("PUT", "/initiatives/growing", Http.ADMIN,
                "application/json", "{\"name\":\"growing\",\"structureModelId\":\"volunteer\",\"enabledFunctionIds\":[]}").status());
    }

    @Test
    public void anInitiativeTightensARuleByDecisionAndCannotLoosenOne() throws Exception {
        ready();
        initiative("tighter", "stand-alone", "board-of-directors:hb1,hb2", "advisory-committee:lg1");
        Http.Answer loosen = http.post("/initiatives/tighter/governance/rules",
                "{\"decisionType\":\"CHANGE_STRUCTURE\",\"steps\":[{\"bodyType\":\"board-of-directors\",\"rule\":\"MAJORITY\"}]}");
        assertEquals(loosen.toString(), 400, loosen.status());
        Http.Answer tighten = http.post("/initiatives/tighter/governance/rules", "{\"decisionType\":\"HIRE_STAFF\","
                + "\"steps\":[{\"bodyType\":\"board-of-directors\",\"rule\":\"CONSENSUS\"},"
                + "{\"bodyType\":\"advisory-committee\",\"rule\":\"MAJORITY\"}],\"reason\":\"hires need everyone\"}");
        assertEquals(tighten.toString(), 201, tighten.status());
        assertEquals("the members vote on a title in the model's words", "Adopt a stricter rule for hiring staff: "
                + "Board of directors (consensus), then Advisory committee (majority)", tighten.json().get("title").asText());
        long id = tighten.json().get("id").asLong();
        castOk("tighter", id, "hb1", "APPROVE", "yes");
        castOk("tighter", id, "hb2", "APPROVE", "yes");
        assertEquals("APPROVED", castOk("tighter", id, "lg1", "APPROVE", "yes").get("state").asText());

        JsonNode rules = http.get("/initiatives/tighter/governance").json().get("rules");
        JsonNode hire = null;
        for (JsonNode rule : rules) {
            if (rule.get("decisionType").asText().equals("HIRE_STAFF")) {
                hire = rule;
            }
        }
        assertEquals("CONSENSUS", hire.get("steps").get(0).get("rule").asText());
        assertEquals(2, hire.get("steps").size());
        JsonNode versions = http.get("/initiatives/tighter/governance/history").json().get("rules");
        assertEquals(1, versions.get(0).get("version").asInt());
        long hireId = proposeHire("tighter");
        assertEquals("CONSENSUS", http.get("/initiatives/tighter/governance/proposals/" + hireId).json()
                .get("proposal").get("steps").get(0).get("rule").asText());
    }

    private static List<String> list(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    /** Each initiative's organisations are records: spellings and aliases resolve to one, seats point to it. */
    @Test
    public void organisationsAreRecordsThatSeatsPointTo() throws Exception {
        initiative("registry", "nested", "host-board:hb1@Eastside Trust,hb2@Eastside Trust Inc.");
        String base = "/initiatives/registry/organisations";
        JsonNode seated = http.get(base).json();
        assertEquals("two spellings on two seats made one organisation: " + seated, 1, seated.size());
        long trust = seated.get(0).get("id").asLong();
        http.get("/initiatives/registry/bodies").json().forEach(b -> http.get("/initiatives/registry/bodies/"
                + b.get("id").asLong() + "/members").json().forEach(m ->
                assertEquals(trust, m.get("organisationId").asLong())));

        Http.Answer school = http.post(base, "{\"name\":\"Riverbend Unified School District\",\"aliases\":[\"RUSD\"],"
                + "\"sectors\":[\"EDUCATION\",\"PUBLIC_AGENCY\"]}");
        assertEquals(school.toString(), 201, school.status());
        long schoolId = school.json().get("id").asLong();
        assertTrue(school.header("Location"), school.header("Location").endsWith(base + "/" + schoolId));
        assertEquals(schoolId, http.get(base + "?name=rusd").json().get(0).get("id").asLong());
        assertEquals(404, http.get(base + "?name=Westside").status());

        Http.Answer taken = http.post(base, "{\"name\":\"The Eastside Trust\",\"sectors\":[\"FUNDER\"]}");
        assertEquals(taken.toString(), 409, taken.status());
        Http.Answer noSector = http.post(base, "{\"name\":\"Youth Hub\",\"sectors\":[]}");
        assertEquals(noSector.toString(), 400, noSector.status());
        assertTrue(noSector.body(), noSector.body().contains("sectors"));
        Http.Answer badSector = http.post(base, "{\"name\":\"Youth Hub\",\"sectors\":[\"SPORTS\"]}");
        assertEquals(badSector.toString(), 400, badSector.status());
        assertEquals("refusals wrote nothing", 2, http.get(base).json().size());

        Http.Answer renamed = http.send("PUT", base + "/" + trust, Http.ADMIN, "application/json",
                "{\"name\":\"Eastside Community Trust\",\"aliases\":[\"Eastside Trust\"],\"sectors\":[\"PHILANTHROPY\"]}");
        assertEquals(renamed.toString(), 200, renamed.status());
        assertEquals(trust, http.get(base + "?name=Eastside%20Trust%20LLC").json().get(0).get("id").asLong());
        assertEquals("a body member reads the registry", 200, http.send("GET", base, "hb1:pw", null, null).status());
        assertEquals("set-up is for staff", 403, http.send("POST", base, "hb1:pw", "application/json",
                "{\"name\":\"Their Org\",\"sectors\":[\"NONPROFIT\"]}").status());
    }

    /** Bodies and seats are changed and retired, never deleted; a body type is the model's, the platform's or custom. */
    @Test
    public void bodiesAndSeatsAreChangedAndRetiredNotDeleted() throws Exception {
        ready();
        // hb3 also sits on the advisory committee: still a member of the initiative once the board seat is retired
        initiative("changing", "stand-alone", "board-of-directors:hb1,hb2,hb3", "advisory-committee:lg1,hb3");
        String bodies = "/initiatives/changing/bodies";
        JsonNode people = http.get("/initiatives/changing/people").json();
        assertEquals("four people, hb3 once for two seats: " + people, 4, people.size());
        long hb3Person = 0;
        for (JsonNode p : people) {
            hb3Person = "hb3".equals(p.get("username").asText()) ? p.get("id").asLong() : hb3Person;
        }
        assertEquals(2, http.get("/initiatives/changing/people/" + hb3Person + "/seats").json().size());
        Http.Answer typo = http.post(bodies, "{\"type\":\"board-of-directers\",\"name\":\"Typo\"}");
        assertEquals(typo.toString(), 400, typo.status());
        assertTrue(typo.body(), typo.body().contains("\"type\"") && typo.body().contains("custom"));
        Http.Answer custom = http.post(bodies, "{\"type\":\"youth-council\",\"name\":\"Youth council\",\"custom\":true}");
        assertEquals(custom.toString(), 201, custom.status());
        long youth = custom.json().get("id").asLong();
        assertTrue(custom.header("Location"), custom.header("Location").endsWith(bodies + "/" + youth));
        Http.Answer secondClick = http.post(bodies,
                "{\"type\":\"youth-council\",\"name\":\" youth  council\",\"custom\":true}");
        assertEquals("a second click adds no second body: " + secondClick, 409, secondClick.status());
        assertTrue(secondClick.body(), secondClick.body().contains("\"field\":\"name\""));
        Http.Answer renamed = http.send("PUT", bodies + "/" + youth, Http.ADMIN, "application/json",
                "{\"type\":\"youth-council\",\"name\":\"Youth voice council\",\"custom\":true}");
        assertEquals(renamed.toString(), 200, renamed.status());
        assertEquals("Youth voice council", renamed.json().get("name").asText());
        Http.Answer retired = http.send("DELETE", bodies + "/" + youth, Http.ADMIN, null, null);
        assertEquals(retired.toString(), 200, retired.status());
        assertFalse(retired.json().get("retiredAt").isNull());
        assertEquals(409, http.send("DELETE", bodies + "/" + youth, Http.ADMIN, null, null).status());
        assertFalse(http.get(bodies).body().contains("Youth voice council"));

        long proposal = proposeHire("changing");
        long board = 0;
        for (JsonNode b : http.get(bodies).json()) {
            board = b.get("type").asText().equals("board-of-directors") ? b.get("id").asLong() : board;
        }
        long hb3 = 0;
        for (JsonNode m : http.get(bodies + "/" + board + "/members").json()) {
            hb3 = m.get("username").asText().equals("hb3") ? m.get("id").asLong() : hb3;
        }
        Http.Answer gone = http.send("DELETE", bodies + "/" + board + "/members/" + hb3, Http.ADMIN, null, null);
        assertEquals(gone.toString(), 200, gone.status());
        Http.Answer refused = vote("changing", proposal, "hb3", "APPROVE", "still here?");
        assertEquals("a retired seat votes on nothing: " + refused, 403, refused.status());
        assertEquals(2, http.get(bodies + "/" + board + "/members").json().size());
        // a seat for a person the initiative does not have, or for a login that can never exist, names its field
        Http.Answer nobody = http.post(bodies + "/" + board + "/members",
                "{\"personId\":999,\"organisation\":\"Library\",\"role\":\"member\",\"sector\":\"NONPROFIT\"}");
        assertEquals(nobody.toString(), 400, nobody.status());
        assertTrue(nobody.body(), nobody.body().contains("\"personId\""));
        Http.Answer badLogin = http.post(bodies + "/" + board + "/members", "{\"person\":\"Ann Lee\","
                + "\"username\":\"Ann Lee\",\"organisation\":\"Library\",\"role\":\"member\",\"sector\":\"NONPROFIT\"}");
        assertEquals(badLogin.toString(), 400, badLogin.status());
        assertTrue(badLogin.body(), badLogin.body().contains("\"username\""));
        // a person sits on a body once: a second seat would count them twice where seats are counted
        Http.Answer twice = http.post(bodies + "/" + board + "/members", "{\"person\":\"hb1\",\"username\":\"hb1\","
                + "\"organisation\":\"Org of hb1\",\"role\":\"treasurer\",\"sector\":\"NONPROFIT\"}");
        assertEquals(twice.toString(), 409, twice.status());
        assertTrue(twice.body(), twice.body().contains("{\"field\":\"person\",\"message\":\"already holds seat "));
        assertEquals("refusals seat nobody", 2, http.get(bodies + "/" + board + "/members").json().size());
        String audit = http.get("/initiatives/changing/audit").body();
        assertTrue(audit, audit.contains("body.retire") && audit.contains("membership.retire")
                && audit.contains("body.update"));
    }
}
