package org.civicbackbone.itests;

import static org.civicbackbone.itests.BackboneContainer.features;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/**
 * The backbone functions over real HTTP, with their governed actions decided by members who log in and vote under
 * the stand-alone model (board: majority; advisory committee: consensus).
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class FunctionsIT extends InsideKaraf {

    private static final String FUNCTIONS = "[\"shared-measurement\",\"vision-strategy\",\"resources\",\"policy\","
            + "\"community-engagement\",\"aligned-activities\"]";

    private void ready() throws InterruptedException {
        awaitServing("structure-stand-alone", "function-vision-strategy", "function-resources", "function-policy",
                "function-community-engagement", "function-aligned-activities");
    }

    /** A stand-alone initiative with every function, a board (hb1-3) and an advisory committee (lg1-3). */
    private void initiative(String id) {
        Http.Answer created = http.post("/initiatives", "{\"id\":\"" + id + "\",\"name\":\"" + id + "\","
                + "\"structureModelId\":\"stand-alone\",\"enabledFunctionIds\":" + FUNCTIONS + "}");
        assertEquals(created.toString(), 201, created.status());
        body(id, "board-of-directors", "hb1@Foundation", "hb2@Hardware store", "hb3@Bank");
        body(id, "advisory-committee", "lg1@Riverbend Library", "lg2@School district", "lg3@Parents network");
    }

    private void body(String id, String type, String... members) {
        Http.Answer b = http.post("/initiatives/" + id + "/bodies", "{\"type\":\"" + type + "\",\"name\":\"" + type + "\"}");
        assertEquals(b.toString(), 201, b.status());
        for (String member : members) {
            String[] m = member.split("@");
            Http.Answer added = http.post("/initiatives/" + id + "/bodies/" + b.json().get("id").asLong() + "/members",
                    "{\"person\":\"" + m[0] + "\",\"username\":\"" + m[0] + "\",\"organisation\":\"" + m[1]
                            + "\",\"role\":\"member\",\"sector\":\"NONPROFIT\"}");
            assertEquals(added.toString(), 201, added.status());
        }
    }

    private JsonNode vote(String id, long proposal, String voter, String choice) {
        Http.Answer answer = http.send("POST", "/initiatives/" + id + "/governance/proposals/" + proposal + "/votes",
                voter + ":pw", "application/json", "{\"choice\":\"" + choice + "\",\"reason\":\"as discussed\"}");
        assertEquals(answer.toString(), 200, answer.status());
        return answer.json().get("proposal");
    }

    private static String agenda(long indicatorId) {
        return "{\"problemStatement\":\"Too few children read at grade level\",\"vision\":\"Every child reads\","
                + "\"goals\":[{\"title\":\"Ready for school\",\"outcome\":\"65% ready\",\"indicatorIds\":[" + indicatorId
                + "],\"strategies\":[{\"title\":\"Read from birth\",\"description\":\"books for babies\"}]},"
                + "{\"title\":\"Summer reading\",\"outcome\":\"no summer slide\",\"indicatorIds\":[],\"strategies\":[]}]}";
    }

    @Test
    public void theCommonAgendaIsDraftedInVersionsAndAdoptedOnlyByDecision() throws Exception {
        ready();
        initiative("agenda");
        String base = "/initiatives/agenda/vision-strategy";
        long indicator = http.post("/initiatives/agenda/shared-measurement/indicators", "{\"name\":\"Readiness\","
                + "\"definition\":\"ready on the fall screen\",\"unit\":\"%\",\"direction\":\"UP\",\"aggregation\":\"MEAN\","
                + "\"reportingPeriod\":\"YEAR\",\"baseline\":46,\"baselineDate\":\"2025-01-01\",\"target\":65,"
                + "\"targetDate\":\"2030-01-01\"}").json().get("id").asLong();

        Http.Answer bad = http.post(base + "/versions", agenda(999));
        assertEquals(bad.toString(), 400, bad.status());
        assertTrue(bad.body(), bad.body().contains("goals[0].indicatorIds[0]"));
        Http.Answer empty = http.post(base + "/versions", "{\"problemStatement\":\"\",\"vision\":\"v\",\"goals\":[]}");
        assertEquals(400, empty.status());
        assertTrue(empty.body(), empty.body().contains("problemStatement") && empty.body().contains("goals"));
        assertEquals("bad input changed nothing", 0, http.get(base + "/versions").json().size());

        assertEquals(201, http.post(base + "/versions", agenda(indicator)).status());
        assertEquals("a draft is not the agenda", 404, http.get(base + "/agenda").status());
        JsonNode proposed = http.post(base + "/versions/1/adoption", "{\"reason\":\"agreed at the retreat\"}").json();
        assertEquals("PROPOSED", proposed.get("status").asText());
        assertEquals(409, http.post(base + "/versions/1/adoption", "{}").status());
        long proposal = proposed.get("proposalId").asLong();
        assertEquals("board members do not decide the agenda here", 403, http.send("POST", "/initiatives/agenda/governance/proposals/"
                + proposal + "/votes", "hb1:pw", "application/json", "{\"choice\":\"APPROVE\",\"reason\":\"x\"}").status());
        vote("agenda", proposal, "lg1", "APPROVE");
        vote("agenda", proposal, "lg2", "APPROVE");
        assertEquals("APPROVED", vote("agenda", proposal, "lg3", "APPROVE").get("state").asText());

        JsonNode adopted = http.get(base + "/agenda").json();
        assertEquals(1, adopted.get("number").asInt());
        assertEquals("ADOPTED", adopted.get("status").asText());
        JsonNode overview = http.get(base).json();
        assertEquals(1, overview.get("adoptedVersion").asInt());
        assertEquals("checked", overview.get("indicatorLinks").asText());
        assertTrue(overview.toString(), overview.get("needsAttention").toString().contains("goal 2 'Summer reading' has no indicator"));

        // a revision is a new version; a rejected adoption leaves the adopted one in force
        assertEquals(201, http.post(base + "/versions", agenda(indicator)).status());
        long second = http.post(base + "/versions/2/adoption", "{}").json().get("proposalId").asLong();
        assertEquals("a block ends a consensus", "REJECTED", vote("agenda", second, "lg2", "BLOCK").get("state").asText());
        assertEquals(1, http.get(base + "/agenda").json().get("number").asInt());
        assertEquals("DRAFT", http.get(base + "/versions/2").json().get("status").asText());
        long again = http.post(base + "/versions/2/adoption", "{}").json().get("proposalId").asLong();
        vote("agenda", again, "lg1", "APPROVE");
        vote("agenda", again, "lg2", "APPROVE");
        vote("agenda", again, "lg3", "APPROVE");
        assertEquals(2, http.get(base + "/agenda").json().get("number").asInt());
        assertEquals("SUPERSEDED", http.get(base + "/versions/1").json().get("status").asText());

        Http.Answer csv = http.get(base + "/goals/export");
        assertTrue(csv.contentType(), csv.contentType().startsWith("text/csv"));
        assertTrue(csv.body(), csv.body().startsWith("version,status,goal,goal_title") && csv.body().contains("Read from birth"));
        assertTrue(http.get(base + "/goals/export?version=1").body().contains("SUPERSEDED"));
        Http.Answer notANumber = http.get(base + "/goals/export?version=first");
        assertEquals("a parameter that is not a number is bad input, not an unknown address", 400, notANumber.status());
        assertTrue(notANumber.body(), notANumber.body().contains("{\"field\":\"version\",\"message\":"
                + "\"'first' is not a whole number of at least 1\"}"));

        // shared measurement absent: links are kept, not checked
        features(bundleContext).uninstallFeature("backbone-function-shared-measurement");
        http.await("/initiatives/agenda/shared-measurement", a -> a.status() == 404);
        Http.Answer unchecked = http.post(base + "/versions", agenda(999));
        assertEquals(unchecked.toString(), 201, unchecked.status());
        assertTrue(http.get(base).json().get("indicatorLinks").asText().startsWith("not checked"));
        features(bundleContext).installFeature("backbone-function-shared-measurement");
        http.await("/initiatives/agenda/shared-measurement", a -> a.status() == 200);
        http.await(base, a -> a.status() == 200 && a.body().contains("\"checked\""));

        // the module itself comes and goes; its data stays
        features(bundleContext).uninstallFeature("backbone-function-vision-strategy");
        http.await(base, a -> a.status() == 404);
        assertEquals(200, http.get("/initiatives/agenda/resources").status());
        features(bundleContext).installFeature("backbone-function-vision-strategy");
        assertEquals(2, http.await(base + "/agenda", a -> a.status() == 200).json().get("number").asInt());
    }

    @Test
    public void grantsAreAcceptedAndFundsAllocatedOnlyByDecisionAndNeverBeyondWhatWasReceived() throws Exception {
        ready();
        initiative("funds");
        String base = "/initiatives/funds/resources";
        long funder = http.post(base + "/funders", "{\"name\":\"Community Foundation\",\"sector\":\"FUNDER\"}").json()
                .get("id").asLong();
        assertEquals(409, http.post(base + "/funders", "{\"name\":\"community foundation\",\"sector\":\"FUNDER\"}").status());
        // a new programme officer: the funder is corrected, but stays its organisation
        Http.Answer other = http.send("PUT", base + "/funders/" + funder, Http.ADMIN, "application/json",
                "{\"name\":\"Riverbend Library\",\"sector\":\"FUNDER\"}");
        assertEquals(other.toString(), 400, other.status());
        assertTrue(other.body(), other.body().contains("\"field\":\"name\""));
        assertEquals("Dana Lee", http.send("PUT", base + "/funders/" + funder, Http.ADMIN, "application/json",
                "{\"name\":\"Community Foundation\",\"sector\":\"FUNDER\",\"contact\":\"Dana Lee\"}").json()
                .get("contact").asText());
        assertTrue(http.get("/initiatives/funds/audit").body().contains("Community Foundation: contact none to 'Dana Lee'"));
        Http.Answer badGrant = http.post(base + "/grants", "{\"funderId\":9999,\"title\":\"x\",\"amountRequested\":-5}");
        assertEquals(400, badGrant.status());
        assertTrue(badGrant.body(), badGrant.body().contains(
                "{\"field\":\"amountRequested\",\"message\":\"must be greater than or equal to 0.01\"}"));
        Http.Answer badLine = http.send("PUT", base + "/budget/2026", Http.ADMIN, "application/json",
                "{\"lines\":[{\"category\":\"staff\",\"amount\":1},{\"category\":\"rent\",\"amount\":-1}]}");
        assertEquals(badLine.toString(), 400, badLine.status());
        assertTrue(badLine.body(), badLine.body().contains(
                "{\"field\":\"lines[1].amount\",\"message\":\"must be greater than or equal to 0\"}"));
        long grant = http.post(base + "/grants", "{\"funderId\":" + funder + ",\"title\":\"Summer reading\","
                + "\"amountRequested\":60000,\"periodStart\":\"2026-01-01\",\"periodEnd\":\"2026-12-31\"}").json().get("id").asLong();
        Http.Answer twice = http.post(base + "/grants", "{\"funderId\":" + funder + ",\"title\":\"summer  reading\","
                + "\"amountRequested\":60000,\"periodStart\":\"2026-01-01\",\"periodEnd\":\"2026-12-31\"}");
        assertEquals("a second click adds no second grant: " + twice, 409, twice.status());
        assertTrue(twice.body(), twice.body().contains("{\"field\":\"title\",\"message\":\"is grant " + grant));
        Http.Answer typed = http.post(base + "/grants/" + grant + "/deadlines",
                "{\"description\":\"Interim report\",\"dueOn\":\"1026-06-30\"}");
        assertEquals(typed.toString(), 400, typed.status());
        assertTrue(typed.body(), typed.body().contains(
                "{\"field\":\"dueOn\",\"message\":\"must be in a year between 2000 and 2100\"}"));
        // corrected before the funder answers: the amount asked for was mistyped
        JsonNode corrected = http.send("PUT", base + "/grants/" + grant, Http.ADMIN, "application/json", "{\"funderId\":"
                + funder + ",\"title\":\"Summer reading\",\"amountRequested\":65000,\"periodStart\":\"2026-01-01\","
                + "\"periodEnd\":\"2026-12-31\"}").json();
        assertEquals(65000, corrected.get("amountRequested").asInt());
        assertEquals("an award needs its amount", 400, http.send("PUT", base + "/grants/" + grant + "/stage", Http.ADMIN,
                "application/json", "{\"stage\":\"AWARDED\"}").status());
        assertEquals("AWARDED", http.send("PUT", base + "/grants/" + grant + "/stage", Http.ADMIN, "application/json",
                "{\"stage\":\"AWARDED\",\"amountAwarded\":50000}").json().get("status").asText());
        assertEquals("the funder answered: its figures stand", 409, http.send("PUT", base + "/grants/" + grant,
                Http.ADMIN, "application/json", "{\"funderId\":" + funder + ",\"title\":\"Summer reading\","
                + "\"amountRequested\":90000}").status());
        assertEquals("no money before acceptance", 409, http.post(base + "/grants/" + grant + "/receipts",
                "{\"amount\":100,\"receivedOn\":\"2026-02-01\"}").status());

        JsonNode accepting = http.post(base + "/grants/" + grant + "/acceptance", "{\"reason\":\"fits goal 2\"}").json();
        assertEquals("ACCEPTING", accepting.get("status").asText());
        long acceptance = accepting.get("acceptanceProposalId").asLong();
        vote("funds", acceptance, "hb1", "APPROVE");
        assertEquals("APPROVED", vote("funds", acceptance, "hb2", "APPROVE").get("state").asText());
        assertEquals("ACTIVE", http.get(base + "/grants/" + grant).json().get("status").asText());

        assertEquals(201, http.post(base + "/grants/" + grant + "/receipts", "{\"amount\":30000,\"receivedOn\":\"2026-02-01\"}").status());
        Http.Answer tooMuch = http.post(base + "/grants/" + grant + "/receipts", "{\"amount\":20000.01,\"receivedOn\":\"2026-03-01\"}");
        assertEquals(tooMuch.toString(), 400, tooMuch.status());
        assertTrue(tooMuch.body(), tooMuch.body().contains("at most 20000.00 more"));

        Http.Answer beyond = http.post(base + "/allocations", "{\"grantId\":" + grant + ",\"recipientKind\":\"PARTNER\","
                + "\"recipient\":\"Riverbend Library\",\"amount\":30000.01,\"purpose\":\"books\"}");
        assertEquals(beyond.toString(), 400, beyond.status());
        assertTrue(beyond.body(), beyond.body().contains("\"amount\""));
        JsonNode allocation = http.post(base + "/allocations", "{\"grantId\":" + grant + ",\"recipientKind\":\"PARTNER\","
                + "\"recipient\":\"Riverbend Library\",\"amount\":10000,\"purpose\":\"books for summer reading\"}").json();
        assertEquals("OPEN", allocation.get("state").asText());
        assertEquals("pending allocations count against what is left", 400, http.post(base + "/allocations",
                "{\"recipientKind\":\"ACTIVITY\",\"recipient\":\"Coaching\",\"partnerOrganisation\":\"School district\","
                        + "\"amount\":20000.01,\"purpose\":\"coaches\"}").status());
        JsonNode totals = http.get(base).json().get("totals");
        assertEquals(0, totals.get("allocated").asDouble(), 0.001);
        assertEquals(10000, totals.get("pending").asDouble(), 0.001);

        long proposal = allocation.get("proposalId").asLong();
        assertEquals("the library may not approve money for itself", 409, http.send("POST", "/initiatives/funds/governance/proposals/"
                + proposal + "/votes", "lg1:pw", "application/json", "{\"choice\":\"APPROVE\",\"reason\":\"x\"}").status());
        vote("funds", proposal, "lg2", "APPROVE");
        vote("funds", proposal, "lg3", "APPROVE");
        vote("funds", proposal, "hb1", "APPROVE");
        assertEquals("APPROVED", vote("funds", proposal, "hb3", "APPROVE").get("state").asText());
        totals = http.get(base).json().get("totals");
        assertEquals(10000, totals.get("allocated").asDouble(), 0.001);
        assertEquals(20000, totals.get("available").asDouble(), 0.001);

        assertEquals(201, http.post(base + "/grants/" + grant + "/deadlines", "{\"dueOn\":\"2020-01-31\",\"description\":\"Final report\"}").status());
        JsonNode overview = http.get(base).json();
        assertEquals(1, overview.get("overdueDeadlines").size());
        assertTrue(overview.get("needsAttention").toString(), overview.get("needsAttention").toString().contains("report overdue"));

        Http.Answer budget = http.send("PUT", base + "/budget/2026", Http.ADMIN, "application/json",
                "{\"lines\":[{\"category\":\"Staff\",\"amount\":100},{\"category\":\"staff\",\"amount\":5}]}");
        assertEquals(400, budget.status());
        assertTrue(budget.body(), budget.body().contains("lines[1].category"));
        assertEquals(105, http.send("PUT", base + "/budget/2026", Http.ADMIN, "application/json",
                "{\"lines\":[{\"category\":\"Staff\",\"amount\":100},{\"category\":\"Books\",\"amount\":5}]}").json()
                .get("total").asDouble(), 0.001);

        Http.Answer csv = http.get(base + "/allocations/export");
        assertTrue(csv.body(), csv.body().startsWith("id,grant,recipient_kind") && csv.body().contains("Riverbend Library"));
        assertTrue(http.get(base + "/grants/export").body().contains("ACTIVE"));
        assertTrue(http.get(base + "/deadlines/export").body().contains("Final report,OVERDUE"));
        assertTrue(http.get(base + "/funders/export").body().contains("Community Foundation,FUNDER,Dana Lee"));

        features(bundleContext).uninstallFeature("backbone-function-resources");
        http.await(base, a -> a.status() == 404);
        assertEquals(200, http.get("/initiatives/funds/vision-strategy").status());
        features(bundleContext).installFeature("backbone-function-resources");
        assertEquals(10000, http.await(base, a -> a.status() == 200).json().get("totals").get("allocated").asDouble(), 0.001);
    }

    @Test
    public void aPolicyPositionIsAdoptedByDecisionWithEachPartnersStanceOnRecord() throws Exception {
        ready();
        initiative("advocacy");
        String base = "/initiatives/advocacy/policy";
        Http.Answer bad = http.post(base + "/items", "{\"title\":\"Weekend hours\",\"problem\":\"closed\","
                + "\"proposedPosition\":\"open\",\"targetKind\":\"SPACESHIP\"}");
        assertEquals(bad.toString(), 400, bad.status());
        long item = http.post(base + "/items", "{\"title\":\"Weekend hours\",\"problem\":\"Branches close on Sundays\","
                + "\"proposedPosition\":\"Open three branches on Sundays\",\"targetKind\":\"BUDGET\","
                + "\"target\":\"County budget\"}").json().get("id").asLong();
        // worked out before partners take their stance: the position sharpened, the target named
        JsonNode sharpened = http.send("PUT", base + "/items/" + item, Http.ADMIN, "application/json", "{\"title\":"
                + "\"Weekend hours\",\"problem\":\"Branches close on Sundays\",\"proposedPosition\":\"Open three "
                + "branches on Sundays, noon to five\",\"targetKind\":\"BUDGET\",\"target\":\"County budget 2027\"}")
                .json();
        assertEquals("County budget 2027", sharpened.get("target").asText());
        assertEquals(1, sharpened.get("revision").asInt());
        String stances = base + "/items/" + item + "/stances";
        Http.Answer stranger = http.post(stances, "{\"organisation\":\"Acme Lobbying\",\"stance\":\"ENDORSE\"}");
        assertEquals(400, stranger.status());
        assertTrue(stranger.body(), stranger.body().contains("is not a partner"));
        Http.Answer hiddenEndorser = http.post(stances, "{\"organisation\":\"Riverbend Library\",\"stance\":\"ENDORSE\",\"named\":false}");
        assertEquals(400, hiddenEndorser.status());
        assertTrue(hiddenEndorser.body(), hiddenEndorser.body().contains("\"named\""));
        assertEquals(201, http.post(stances, "{\"organisation\":\"riverbend library\",\"stance\":\"ENDORSE\"}").status());
        assertEquals(201, http.post(stances, "{\"organisation\":\"School district\",\"stance\":\"DISSENT\",\"named\":false,"
                + "\"note\":\"our own budget request competes\"}").status());
        assertEquals(201, http.post(stances, "{\"organisation\":\"Parents network\",\"stance\":\"NEUTRAL\"}").status());
        assertEquals(201, http.post(stances, "{\"organisation\":\"Parents network\",\"stance\":\"ENDORSE\"}").status());
        assertEquals("history is kept", 4, http.get(stances).json().size());
        Http.Answer underStances = http.send("PUT", base + "/items/" + item, Http.ADMIN, "application/json",
                "{\"title\":\"Weekend hours\",\"problem\":\"Branches close on Sundays\",\"proposedPosition\":\"Open "
                + "every branch on Sundays\",\"targetKind\":\"BUDGET\",\"target\":\"County budget 2027\"}");
        assertEquals("partners took their stance on the position as it is: " + underStances, 409,
                underStances.status());
        assertTrue(underStances.body(), underStances.body().contains("\"field\":\"proposedPosition\""));

        JsonNode proposed = http.post(base + "/items/" + item + "/adoption", "{\"reason\":\"hearing next month\"}").json();
        assertEquals("POSITION_PROPOSED", proposed.get("status").asText());
        assertEquals("the bodies decide on the text they were given", 409, http.send("PUT", base + "/items/" + item,
                Http.ADMIN, "application/json", "{\"title\":\"Weekend hours, again\",\"problem\":\"p\","
                + "\"proposedPosition\":\"p\",\"targetKind\":\"BUDGET\",\"target\":\"t\"}").status());
        assertEquals("no outcome before a position", 400, http.send("PUT", base + "/items/" + item + "/outcome", Http.ADMIN,
                "application/json", "{\"outcome\":\"ENACTED\"}").status());
        long proposal = proposed.get("positionProposalId").asLong();
        vote("advocacy", proposal, "lg1", "APPROVE");
        vote("advocacy", proposal, "lg2", "APPROVE");
        vote("advocacy", proposal, "lg3", "APPROVE");
        vote("advocacy", proposal, "hb1", "APPROVE");
        assertEquals("APPROVED", vote("advocacy", proposal, "hb2", "APPROVE").get("state").asText());
        JsonNode adopted = http.get(base + "/items/" + item).json();
        assertEquals("POSITION_ADOPTED", adopted.get("status").asText());
        assertEquals(2, adopted.get("stances").get("ENDORSE").asInt());
        assertEquals(1, adopted.get("stances").get("DISSENT").asInt());

        JsonNode statement = http.get(base + "/items/" + item + "/statement").json();
        assertEquals("[\"Parents network\",\"Riverbend Library\"]", statement.get("endorsedBy").toString());
        assertEquals(0, statement.get("dissenting").size());
        assertEquals(1, statement.get("notNamed").asInt());
        assertTrue(http.get(base).json().get("needsAttention").toString().contains("1 partner dissents"));
        String csv = http.get(base + "/items/export").body();
        assertTrue(csv, csv.contains("Riverbend Library") && !csv.contains("School district"));

        assertEquals("CLOSED", http.send("PUT", base + "/items/" + item + "/outcome", Http.ADMIN, "application/json",
                "{\"outcome\":\"ENACTED\",\"note\":\"in the adopted budget\"}").json().get("status").asText());
        assertEquals(409, http.send("PUT", base + "/items/" + item + "/outcome", Http.ADMIN, "application/json",
                "{\"outcome\":\"DEFEATED\"}").status());

        features(bundleContext).uninstallFeature("backbone-function-policy");
        http.await(base, a -> a.status() == 404);
        assertEquals(200, http.get("/initiatives/advocacy/resources").status());
        features(bundleContext).installFeature("backbone-function-policy");
        assertEquals("ENACTED", http.await(base + "/items/" + item, a -> a.status() == 200).json().get("outcome").asText());
    }

    @Test
    public void onlyAuthorisedSpokespeopleSpeakAndAStatementIsOfficialOnlyByDecision() throws Exception {
        ready();
        initiative("voice");
        String base = "/initiatives/voice/community-engagement";
        // stand-alone: the advisory committee decides on speaking on behalf, so its members may speak
        assertEquals("[\"lg1\",\"lg2\",\"lg3\"]", http.get(base + "/spokespeople").json().toString());
        Http.Answer unauthorised = http.post(base + "/communications", "{\"kind\":\"NEWS_RELEASE\",\"title\":\"Goal set\","
                + "\"body\":\"text\",\"keyMessages\":[\"Reading matters\"],\"spokesperson\":\"hb1\"}");
        assertEquals(unauthorised.toString(), 400, unauthorised.status());
        assertTrue(unauthorised.body(), unauthorised.body().contains("\"spokesperson\"") && unauthorised.body().contains("lg1"));
        long unnamed = http.post(base + "/communications", "{\"kind\":\"NEWS_RELEASE\",\"title\":\"No speaker\","
                + "\"body\":\"text\"}").json().get("id").asLong();
        assertEquals("a statement names its spokesperson", 400, http.post(base + "/communications/" + unnamed + "/statement", "{}").status());

        JsonNode release = http.post(base + "/communications", "{\"kind\":\"NEWS_RELEASE\",\"title\":\"County goal set\","
                + "\"body\":\"Partners commit\",\"keyMessages\":[\"Reading matters\",\"Everyone has a part\"],"
                + "\"spokesperson\":\"lg2\"}").json();
        assertEquals("DRAFT", release.get("status").asText());
        // a draft is edited while it is one, checked as a new one is
        String releaseAddress = base + "/communications/" + release.get("id").asLong();
        Http.Answer stranger = http.send("PUT", releaseAddress, Http.ADMIN, "application/json", "{\"kind\":"
                + "\"NEWS_RELEASE\",\"title\":\"County goal set\",\"body\":\"Partners commit\",\"spokesperson\":\"hb1\"}");
        assertEquals(stranger.toString(), 400, stranger.status());
        assertTrue(stranger.body(), stranger.body().contains("\"field\":\"spokesperson\""));
        JsonNode edited = http.send("PUT", releaseAddress, Http.ADMIN, "application/json", "{\"kind\":\"NEWS_RELEASE\","
                + "\"title\":\"County goal set\",\"body\":\"Partners commit to reading\",\"keyMessages\":[\"Reading "
                + "matters\"],\"spokesperson\":\"lg2\"}").json();
        assertEquals("Partners commit to reading", edited.get("body").asText());
        assertEquals(1, edited.get("revision").asInt());
        assertTrue(http.get("/initiatives/voice/audit").body().contains("communication " + release.get("id").asLong()
                + ": text; key messages"));
        Http.Answer speaking = http.post(base + "/communications/" + release.get("id").asLong() + "/publication", "");
        assertEquals("a named spokesperson speaks for the initiative only by decision: " + speaking, 409, speaking.status());
        assertTrue(speaking.body(), speaking.body().contains("\"field\":\"spokesperson\""));
        JsonNode proposed = http.post(base + "/communications/" + release.get("id").asLong() + "/statement",
                "{\"reason\":\"for the forum\"}").json();
        assertEquals("STATEMENT_PROPOSED", proposed.get("status").asText());
        Http.Answer late = http.send("PUT", releaseAddress, Http.ADMIN, "application/json", "{\"kind\":"
                + "\"NEWS_RELEASE\",\"title\":\"County goal set\",\"body\":\"Something else\",\"spokesperson\":\"lg2\"}");
        assertEquals("the bodies decide on the text they were given: " + late, 409, late.status());
        assertTrue(http.get(base).json().get("needsAttention").toString().contains("awaits a decision"));
        long proposal = proposed.get("statementProposalId").asLong();
        vote("voice", proposal, "lg1", "APPROVE");
        assertEquals("APPROVED", vote("voice", proposal, "lg3", "APPROVE").get("state").asText());
        JsonNode official = http.get(base + "/communications/" + release.get("id").asLong()).json();
        assertEquals("OFFICIAL_STATEMENT", official.get("status").asText());
        assertTrue(official.get("publishedAt").isTextual());
        assertEquals(409, http.post(base + "/communications/" + release.get("id").asLong() + "/publication", "").status());
        assertEquals("PUBLISHED", http.post(base + "/communications/" + unnamed + "/publication", "").json().get("status").asText());

        Http.Answer twice = http.post(base + "/events", "{\"title\":\"Forum\",\"heldOn\":\"2026-10-01\","
                + "\"participation\":[{\"sector\":\"BUSINESS\",\"count\":3},{\"sector\":\"BUSINESS\",\"count\":4}],"
                + "\"communityMembersReached\":10}");
        assertEquals(400, twice.status());
        assertTrue(twice.body(), twice.body().contains("participation[1].sector"));
        assertEquals(201, http.post(base + "/events", "{\"title\":\"Listening session\",\"heldOn\":\"" + java.time.LocalDate.now().minusDays(5)
                + "\",\"participation\":[{\"sector\":\"COMMUNITY_MEMBER\",\"count\":40},{\"sector\":\"BUSINESS\",\"count\":3}],"
                + "\"communityMembersReached\":250}").status());
        Http.Answer again = http.post(base + "/events", "{\"title\":\"Listening session\",\"heldOn\":\""
                + java.time.LocalDate.now().minusDays(5) + "\",\"participation\":[{\"sector\":\"COMMUNITY_MEMBER\","
                + "\"count\":40}],\"communityMembersReached\":250}");
        assertEquals("one event entered twice counts its people once: " + again, 409, again.status());
        assertTrue(again.body(), again.body().contains("\"field\":\"title\""));
        JsonNode overview = http.get(base).json();
        assertEquals(40, overview.get("participantsLastYear").get("COMMUNITY_MEMBER").asInt());
        assertEquals(250, overview.get("communityMembersReachedLastYear").asInt());
        // a count mistyped is corrected, and the reports follow
        JsonNode session = null;
        for (JsonNode event : http.get(base + "/events").json()) {
            session = event.get("title").asText().equals("Listening session") ? event : session;
        }
        Http.Answer corrected = http.send("PUT", base + "/events/" + session.get("id").asLong(), Http.ADMIN,
                "application/json", "{\"title\":\"Listening session\",\"heldOn\":\"" + java.time.LocalDate.now()
                .minusDays(5) + "\",\"participation\":[{\"sector\":\"COMMUNITY_MEMBER\",\"count\":45},{\"sector\":"
                + "\"BUSINESS\",\"count\":3}],\"communityMembersReached\":250}");
        assertEquals(corrected.toString(), 200, corrected.status());
        assertEquals(48, corrected.json().get("participants").asInt());
        assertEquals(45, http.get(base).json().get("participantsLastYear").get("COMMUNITY_MEMBER").asInt());
        String events = http.get(base + "/events/export").body();
        assertTrue(events, events.startsWith("id,title,held_on") && events.contains("Listening session"));
        assertTrue(http.get(base + "/communications/export").body().contains("OFFICIAL_STATEMENT"));

        features(bundleContext).uninstallFeature("backbone-function-community-engagement");
        http.await(base, a -> a.status() == 404);
        assertEquals(200, http.get("/initiatives/voice/policy").status());
        features(bundleContext).installFeature("backbone-function-community-engagement");
        assertEquals(2, http.await(base + "/communications", a -> a.status() == 200).json().size());
    }

    /** A duplicate organisation merged into the one it is: every module's rows follow it, later installs too (ADR 0025). */
    @Test
    public void aDuplicateOrganisationIsMergedAndEveryModulesRowsFollowTheOneKept() throws Exception {
        ready();
        initiative("merge");
        String orgs = "/initiatives/merge/organisations";
        long kept = http.post(orgs, "{\"name\":\"Eastside Community Trust\",\"sectors\":[\"PHILANTHROPY\"]}").json()
                .get("id").asLong();
        long duplicate = http.post(orgs, "{\"name\":\"East Side Trust\",\"aliases\":[\"EST\"],"
                + "\"sectors\":[\"FUNDER\"]}").json().get("id").asLong();
        long fund = http.post(orgs, "{\"name\":\"Eastside Trust Fund\",\"sectors\":[\"FUNDER\"]}").json()
                .get("id").asLong();
        String funders = "/initiatives/merge/resources/funders";
        assertEquals(201, http.post(funders, "{\"name\":\"EST\",\"sector\":\"FUNDER\"}").status());
        assertEquals(duplicate, http.get(funders).json().get(0).get("organisationId").asLong());

        int registered = http.get(orgs).json().size(); // these three and the seats' organisations
        Http.Answer noTarget = http.post(orgs + "/" + duplicate + "/merge", "{}");
        assertEquals(noTarget.toString(), 400, noTarget.status());
        assertTrue(noTarget.body(), noTarget.body().contains("\"into\""));
        assertEquals(400, http.post(orgs + "/" + duplicate + "/merge", "{\"into\":" + duplicate + "}").status());
        Http.Answer unknownTarget = http.post(orgs + "/" + duplicate + "/merge", "{\"into\":999999}");
        assertEquals(unknownTarget.toString(), 400, unknownTarget.status());
        assertTrue(unknownTarget.body(), unknownTarget.body().contains("{\"field\":\"into\",\"message\":"
                + "\"initiative 'merge' has no organisation 999999\"}"));
        assertEquals(404, http.post(orgs + "/999999/merge", "{\"into\":" + kept + "}").status());
        assertEquals("merging is for staff", 403, http.send("POST", orgs + "/" + duplicate + "/merge", "hb1:pw",
                "application/json", "{\"into\":" + kept + "}").status());
        assertEquals("refusals merged nothing", registered, http.get(orgs).json().size());

        Http.Answer merged = http.post(orgs + "/" + duplicate + "/merge", "{\"into\":" + kept + "}");
        assertEquals(merged.toString(), 200, merged.status());
        assertEquals(kept, merged.json().get("id").asLong());
        assertTrue(merged.body(), merged.body().contains("\"East Side Trust\"") && merged.body().contains("\"EST\"")
                && merged.body().contains("FUNDER") && merged.body().contains("PHILANTHROPY"));
        assertEquals(404, http.get(orgs + "/" + duplicate).status());
        assertEquals(kept, http.get(orgs + "?name=est").json().get(0).get("id").asLong());
        assertEquals("the funder follows the organisation kept", kept,
                http.get(funders).json().get(0).get("organisationId").asLong());

        // a module that is not installed during a merge catches up when it is installed again
        features(bundleContext).uninstallFeature("backbone-function-resources");
        http.await(funders, a -> a.status() == 404);
        assertEquals(200, http.post(orgs + "/" + kept + "/merge", "{\"into\":" + fund + "}").status());
        features(bundleContext).installFeature("backbone-function-resources");
        http.await(funders, a -> a.status() == 200 && a.json().get(0).get("organisationId").asLong() == fund);
    }

    @Test
    public void activitiesAlignToTheAdoptedAgendaWithGapsOverlapsAndMaterialsOutEarly() throws Exception {
        ready();
        initiative("plan");
        http.organisations("plan", "Library", "Head Start", "Clinic");
        String base = "/initiatives/plan/aligned-activities";
        String vision = "/initiatives/plan/vision-strategy";
        JsonNode noAgenda = http.get(base + "/alignment").json();
        assertEquals(false, noAgenda.get("goalsKnown").asBoolean());
        assertEquals(201, http.post(vision + "/versions", "{\"problemStatement\":\"p\",\"vision\":\"v\",\"goals\":["
                + "{\"title\":\"Ready for school\",\"outcome\":\"o\"},{\"title\":\"Read all year\",\"outcome\":\"o\"},"
                + "{\"title\":\"Attend every day\",\"outcome\":\"o\"}]}").status());
        long adoption = http.post(vision + "/versions/1/adoption", "{}").json().get("proposalId").asLong();
        vote("plan", adoption, "lg1", "APPROVE");
        vote("plan", adoption, "lg2", "APPROVE");
        vote("plan", adoption, "lg3", "APPROVE");

        Http.Answer badGoal = http.post(base + "/activities", "{\"title\":\"x\",\"ownerOrganisation\":\"Library\","
                + "\"goalNumbers\":[7],\"startOn\":\"2026-01-01\"}");
        assertEquals(400, badGoal.status());
        assertTrue(badGoal.body(), badGoal.body().contains("goalNumbers[0]"));
        assertEquals(400, http.post(base + "/activities", "{\"title\":\"x\",\"ownerOrganisation\":\"Library\","
                + "\"goalNumbers\":[1],\"startOn\":\"2026-05-01\",\"endOn\":\"2026-01-01\"}").status());
        Http.Answer stranger = http.post(base + "/activities", "{\"title\":\"x\",\"ownerOrganisation\":\"Westside Trust\","
                + "\"goalNumbers\":[1],\"startOn\":\"2026-01-01\"}");
        assertEquals("an owner must be in the organisation registry: " + stranger, 400, stranger.status());
        assertTrue(stranger.body(), stranger.body().contains("\"ownerOrganisation\""));
        assertEquals(201, http.post(base + "/activities", "{\"title\":\"Story time\",\"ownerOrganisation\":\"Library\","
                + "\"goalNumbers\":[1,2],\"startOn\":\"2026-01-01\"}").status());
        Http.Answer preK = http.post(base + "/activities", "{\"title\":\"Pre-K curriculum\","
                + "\"ownerOrganisation\":\"Head Start\",\"goalNumbers\":[1],\"startOn\":\"2026-01-01\"}");
        assertEquals(201, preK.status());
        JsonNode alignment = http.get(base + "/alignment").json();
        assertEquals(true, alignment.get("goalsKnown").asBoolean());
        assertEquals("[\"goal 3 'Attend every day'\"]", alignment.get("gaps").toString());
        // plans change: the curriculum takes up attendance too, and runs to a date now; the gap closes
        String preKAddress = base + "/activities/" + preK.json().get("id").asLong();
        Http.Answer wrongEdit = http.send("PUT", preKAddress, Http.ADMIN, "application/json", "{\"title\":\"Pre-K\","
                + "\"ownerOrganisation\":\"Head Start\",\"goalNumbers\":[1,7],\"startOn\":\"2026-01-01\"}");
        assertEquals(wrongEdit.toString(), 400, wrongEdit.status());
        assertTrue(wrongEdit.body(), wrongEdit.body().contains("\"field\":\"goalNumbers[1]\""));
        assertEquals("a refused edit changes nothing", "Pre-K curriculum", http.get(preKAddress).json().get("title")
                .asText());
        JsonNode edited = http.send("PUT", preKAddress, Http.ADMIN, "application/json", "{\"title\":\"Pre-K "
                + "curriculum\",\"ownerOrganisation\":\"Head Start\",\"goalNumbers\":[1,3],\"startOn\":\"2026-01-01\","
                + "\"endOn\":\"2027-06-30\"}").json();
        assertEquals("[1,3]", edited.get("goalNumbers").toString());
        assertEquals("2027-06-30", edited.get("endOn").asText());
        assertEquals("[]", http.get(base + "/alignment").json().get("gaps").toString());
        assertTrue(http.get("/initiatives/plan/audit").body().contains("goals [1] to [1, 3]; end none to 2027-06-30"));
        assertEquals(1, alignment.get("overlaps").size());
        assertEquals(1, alignment.get("overlaps").get(0).get("goal").asInt());
        assertEquals(50, alignment.get("shares").get(0).get("percent").asInt());

        long group = http.post(base + "/working-groups", "{\"name\":\"Early learning\",\"purpose\":\"readiness\"}").json()
                .get("id").asLong();
        assertEquals(409, http.post(base + "/working-groups", "{\"name\":\"early learning\"}").status());
        assertTrue(http.get(base).json().get("needsAttention").toString().contains("has no co-chair"));
        assertEquals(201, http.post(base + "/working-groups/" + group + "/members", "{\"person\":\"Aisha\","
                + "\"organisation\":\"Head Start\",\"role\":\"CO_CHAIR\"}").status());
        // co-chairs rotate and members leave, each change by the membership's id
        JsonNode withBen = http.post(base + "/working-groups/" + group + "/members", "{\"person\":\"Ben\","
                + "\"organisation\":\"Library\",\"role\":\"MEMBER\"}").json();
        String ben = base + "/working-groups/" + group + "/members/" + withBen.get("members").get(1).get("id").asLong();
        Http.Answer noRole = http.send("PUT", ben, Http.ADMIN, "application/json", "{\"role\":\"CHAIR\"}");
        assertEquals(noRole.toString(), 400, noRole.status());
        assertTrue(noRole.body(), noRole.body().contains("\"field\":\"role\""));
        assertEquals("CO_CHAIR", http.send("PUT", ben, Http.ADMIN, "application/json", "{\"role\":\"CO_CHAIR\"}").json()
                .get("members").get(1).get("role").asText());
        Http.Answer badDay = http.send("DELETE", ben + "?leftOn=yesterday", Http.ADMIN, null, null);
        assertEquals(badDay.toString(), 400, badDay.status());
        assertTrue(badDay.body(), badDay.body().contains("\"field\":\"leftOn\""));
        String today = java.time.LocalDate.now().toString();
        Http.Answer left = http.send("DELETE", ben + "?leftOn=" + today, Http.ADMIN, null, null);
        assertEquals(left.toString(), 200, left.status());
        assertEquals(1, left.json().get("members").size());
        // he left, and stays on record as a former member with his days
        JsonNode former = left.json().get("formerMembers").get(0);
        assertEquals("Ben", former.get("person").asText());
        assertEquals(today, former.get("leftOn").asText());
        Http.Answer again = http.send("DELETE", ben, Http.ADMIN, null, null);
        assertEquals("a membership that ended is over: " + again, 409, again.status());
        assertTrue(http.get("/initiatives/plan/audit").body().contains("Ben (CO_CHAIR) leaves 'Early learning' on "
                + today));
        assertTrue(http.get(base + "/working-groups/export").body().contains(",Ben,Library,CO_CHAIR," + today + ","
                + today));

        assertEquals(400, http.send("PUT", base + "/settings", Http.ADMIN, "application/json", "{\"materialsDaysBefore\":-1}").status());
        assertEquals(5, http.send("PUT", base + "/settings", Http.ADMIN, "application/json", "{\"materialsDaysBefore\":5}")
                .json().get("materialsDaysBefore").asInt());
        String soon = java.time.Instant.now().plus(java.time.Duration.ofDays(2)).toString();
        long meeting = http.post(base + "/meetings", "{\"workingGroupId\":" + group + ",\"title\":\"October meeting\","
                + "\"heldAt\":\"" + soon + "\",\"agenda\":\"1. Screen results\"}").json().get("id").asLong();
        assertEquals(400, http.post(base + "/meetings", "{\"workingGroupId\":999,\"title\":\"x\",\"heldAt\":\"" + soon
                + "\",\"agenda\":\"a\"}").status());
        JsonNode withLate = http.post(base + "/meetings/" + meeting + "/materials", "{\"title\":\"Results deck\","
                + "\"link\":\"https://example.org/deck\"}").json();
        assertEquals("due five days before, sent two days before", true, withLate.get("materials").get(0).get("late").asBoolean());
        // the meeting moves out by a week: its material went out in time after all
        String later = java.time.Instant.now().plus(java.time.Duration.ofDays(10)).toString();
        JsonNode moved = http.send("PUT", base + "/meetings/" + meeting, Http.ADMIN, "application/json",
                "{\"workingGroupId\":" + group + ",\"title\":\"October meeting\",\"heldAt\":\"" + later
                + "\",\"agenda\":\"1. Screen results\\n2. Budget\"}").json();
        assertEquals(false, moved.get("materials").get(0).get("late").asBoolean());
        assertEquals("1. Screen results\n2. Budget", moved.get("agenda").asText());
        assertEquals(400, http.send("PUT", base + "/meetings/" + meeting, Http.ADMIN, "application/json",
                "{\"workingGroupId\":999,\"title\":\"x\",\"heldAt\":\"" + later + "\",\"agenda\":\"a\"}").status());
        assertEquals("and back: late again", true, http.send("PUT", base + "/meetings/" + meeting, Http.ADMIN,
                "application/json", "{\"workingGroupId\":" + group + ",\"title\":\"October meeting\",\"heldAt\":\""
                + soon + "\",\"agenda\":\"1. Screen results\"}").json().get("materials").get(0).get("late").asBoolean());
        Http.Answer script = http.post(base + "/meetings/" + meeting + "/materials", "{\"title\":\"Deck\","
                + "\"link\":\"javascript:alert(1)\"}");
        assertEquals(script.toString(), 400, script.status());
        assertTrue(script.body(), script.body().contains("{\"field\":\"link\",\"message\":\"must be a web address "
                + "starting with http:// or https://\"}"));
        Http.Answer epoch = http.post(base + "/meetings", "{\"title\":\"x\",\"heldAt\":12345,\"agenda\":\"a\"}");
        assertEquals("a number is not a moment", 400, epoch.status());
        assertTrue(epoch.body(), epoch.body().contains("\"field\":\"heldAt\""));
        assertEquals("not held yet", 409, http.send("PUT", base + "/meetings/" + meeting + "/minutes", Http.ADMIN,
                "application/json", "{\"minutes\":\"m\"}").status());
        Http.Answer beforeItsMeeting = http.post(base + "/meetings/" + meeting + "/action-items",
                "{\"description\":\"Share results\",\"owner\":\"Aisha\",\"dueOn\":\"2020-01-01\"}");
        assertEquals(beforeItsMeeting.toString(), 400, beforeItsMeeting.status());
        assertTrue(beforeItsMeeting.body(), beforeItsMeeting.body().contains("\"field\":\"dueOn\""));
        // an action of last month's meeting, due a week after it, is overdue now
        java.time.Instant lastMonth = java.time.Instant.now().minus(java.time.Duration.ofDays(30));
        long past = http.post(base + "/meetings", "{\"workingGroupId\":" + group + ",\"title\":\"September meeting\","
                + "\"heldAt\":\"" + lastMonth + "\",\"agenda\":\"1. Screens\"}").json().get("id").asLong();
        JsonNode withAction = http.post(base + "/meetings/" + past + "/action-items", "{\"description\":\"Share results\","
                + "\"owner\":\"Aisha\",\"dueOn\":\"" + java.time.LocalDate.now().minusDays(23) + "\"}").json();
        assertEquals(true, withAction.get("actionItems").get(0).get("overdue").asBoolean());
        assertEquals("a second click records nothing", 409, http.post(base + "/meetings/" + past + "/action-items",
                "{\"description\":\"Share results\",\"owner\":\"Aisha\",\"dueOn\":\"" + java.time.LocalDate.now()
                + "\"}").status());
        // who came to last month's meeting: only those in the group then (Aisha joined today, Cleo two months ago)
        JsonNode withCleo = http.post(base + "/working-groups/" + group + "/members", "{\"person\":\"Cleo\","
                + "\"organisation\":\"Library\",\"role\":\"MEMBER\",\"joinedOn\":\""
                + java.time.LocalDate.now().minusDays(60) + "\"}").json();
        long aisha = withCleo.get("members").get(0).get("id").asLong();
        long cleo = withCleo.get("members").get(1).get("id").asLong();
        String attendance = base + "/meetings/" + past + "/attendance";
        Http.Answer notYetIn = http.send("PUT", attendance, Http.ADMIN, "application/json", "{\"present\":[" + aisha
                + "]}");
        assertEquals(notYetIn.toString(), 400, notYetIn.status());
        assertTrue(notYetIn.body(), notYetIn.body().contains("\"field\":\"present\""));
        Http.Answer negative = http.send("PUT", attendance, Http.ADMIN, "application/json", "{\"present\":[" + cleo
                + "],\"guests\":-1}");
        assertEquals(negative.toString(), 400, negative.status());
        assertTrue(negative.body(), negative.body().contains("\"field\":\"guests\""));
        JsonNode came = http.send("PUT", attendance, Http.ADMIN, "application/json", "{\"present\":[" + cleo
                + "],\"guests\":3}").json().get("attendance");
        assertTrue(came.get("recorded").asBoolean());
        assertEquals("Cleo", came.get("present").get(0).get("person").asText());
        assertEquals(0, came.get("absent").size());
        assertEquals("others who came, beside the members", 3, came.get("guests").asInt());
        String attended = http.get(base + "/attendance/export").body();
        assertTrue(attended, attended.contains(past + ",September meeting,") && attended.contains(",Early learning,"
                + cleo + ",Cleo,Library,yes,3"));
        assertEquals("a meeting to come has nobody present yet", 409, http.send("PUT", base + "/meetings/" + meeting
                + "/attendance", Http.ADMIN, "application/json", "{\"present\":[]}").status());
        JsonNode overview = http.get(base).json();
        assertTrue(overview.get("needsAttention").toString(), overview.get("needsAttention").toString().contains("went out late"));
        assertTrue(overview.get("needsAttention").toString().contains("action overdue"));
        assertTrue(http.get(base + "/action-items/export").body().contains("Share results"));
        assertTrue(http.get(base + "/activities/export").body().contains("Pre-K curriculum"));
        assertTrue(http.get(base + "/working-groups/export").body().contains("Early learning,readiness,Aisha,Head Start,CO_CHAIR"));
        // the overdue action is handed over and postponed; the group is renamed
        long overdue = withAction.get("actionItems").get(0).get("id").asLong();
        JsonNode postponed = http.send("PUT", base + "/meetings/" + past + "/action-items/" + overdue, Http.ADMIN,
                "application/json", "{\"description\":\"Share results\",\"owner\":\"Ben\",\"dueOn\":\""
                + java.time.LocalDate.now().plusDays(7) + "\"}").json();
        assertEquals("Ben", postponed.get("actionItems").get(0).get("owner").asText());
        assertEquals(false, postponed.get("actionItems").get(0).get("overdue").asBoolean());
        assertTrue(!http.get(base).json().get("needsAttention").toString().contains("action overdue"));
        assertEquals("Early years", http.send("PUT", base + "/working-groups/" + group, Http.ADMIN, "application/json",
                "{\"name\":\"Early years\",\"purpose\":\"readiness\"}").json().get("name").asText());

        // without vision and strategy, links are kept and gaps become unknown
        features(bundleContext).uninstallFeature("backbone-function-vision-strategy");
        http.await(vision, a -> a.status() == 404);
        http.await(base + "/alignment", a -> a.status() == 200 && a.body().contains("\"goalsKnown\":false"));
        assertEquals(201, http.post(base + "/activities", "{\"title\":\"Attendance buddies\",\"ownerOrganisation\":\"Clinic\","
                + "\"goalNumbers\":[7],\"startOn\":\"2026-01-01\"}").status());
        features(bundleContext).installFeature("backbone-function-vision-strategy");
        http.await(base + "/alignment", a -> a.status() == 200 && a.body().contains("\"goalsKnown\":true"));

        features(bundleContext).uninstallFeature("backbone-function-aligned-activities");
        http.await(base, a -> a.status() == 404);
        assertEquals(200, http.get("/initiatives/plan/community-engagement").status());
        features(bundleContext).installFeature("backbone-function-aligned-activities");
        assertEquals(3, http.await(base + "/activities", a -> a.status() == 200).json().size());
    }

    @Test
    public void myWorkGathersWhatEachModuleHasComingUpOrNeedingAttentionInOneRequest() throws Exception {
        ready();
        initiative("work"); // hb1 sits on its board
        String base = "/initiatives/work";
        long funder = http.post(base + "/resources/funders", "{\"name\":\"Eastside Trust\",\"sector\":\"FUNDER\"}")
                .json().get("id").asLong();
        long grant = http.post(base + "/resources/grants", "{\"funderId\":" + funder + ",\"title\":\"Reading\","
                + "\"amountRequested\":1000,\"periodStart\":\"2026-01-01\",\"periodEnd\":\"2026-12-31\"}").json()
                .get("id").asLong();
        assertEquals(200, http.send("PUT", base + "/resources/grants/" + grant + "/stage", Http.ADMIN, "application/json",
                "{\"stage\":\"AWARDED\",\"amountAwarded\":1000}").status());
        java.time.LocalDate soon = java.time.LocalDate.now().plusDays(5);
        assertEquals(201, http.post(base + "/resources/grants/" + grant + "/deadlines", "{\"dueOn\":\"" + soon
                + "\",\"description\":\"Interim report\"}").status());
        assertEquals(201, http.post(base + "/resources/grants/" + grant + "/deadlines",
                "{\"dueOn\":\"2020-01-31\",\"description\":\"Final report\"}").status());
        java.time.Instant meetingAt = java.time.Instant.now().plus(java.time.Duration.ofDays(3));
        assertEquals(201, http.post(base + "/aligned-activities/meetings", "{\"title\":\"Partners' meeting\","
                + "\"heldAt\":\"" + meetingAt + "\",\"agenda\":\"1. Results\"}").status());
        assertEquals(201, http.post(base + "/aligned-activities/meetings", "{\"title\":\"Last month's meeting\","
                + "\"heldAt\":\"" + java.time.Instant.now().minus(java.time.Duration.ofDays(30)) + "\",\"agenda\":\"a\"}")
                .status());
        assertEquals(201, http.post(base + "/shared-measurement/indicators", "{\"name\":\"Attendance\","
                + "\"definition\":\"days attended\",\"unit\":\"%\",\"direction\":\"UP\",\"aggregation\":\"MEAN\","
                + "\"reportingPeriod\":\"YEAR\",\"baseline\":80,\"baselineDate\":\"2024-01-01\",\"target\":95,"
                + "\"targetDate\":\"2030-01-01\"}").status());
        // an initiative hb1 has no role in: its items are not theirs to see
        assertEquals(201, http.post("/initiatives", "{\"id\":\"elsewhere\",\"name\":\"Elsewhere\",\"structureModelId\":"
                + "\"stand-alone\",\"enabledFunctionIds\":[\"aligned-activities\"]}").status());
        assertEquals(201, http.post("/initiatives/elsewhere/aligned-activities/meetings", "{\"title\":\"Private meeting\","
                + "\"heldAt\":\"" + meetingAt + "\",\"agenda\":\"a\"}").status());

        Http.Answer answer = http.send("GET", "/my-work/items", "hb1:pw", null, null);
        assertEquals(answer.toString(), 200, answer.status());
        List<String> items = new java.util.ArrayList<>();
        answer.json().forEach(i -> items.add(i.get("initiativeId").asText() + " " + i.get("functionId").asText() + " "
                + i.get("kind").asText() + " " + i.get("when").asText() + " " + i.get("what").asText() + " late="
                + i.get("late").asBoolean() + " page=" + i.get("page").asText()));
        // coming up by day (the overdue report first), then what needs attention; past meetings and others' initiatives
        // left out
        assertEquals(List.of(
                "work resources COMING_UP 2020-01-31 Report due: Final report (Eastside Trust) late=true page=funding",
                "work aligned-activities COMING_UP " + java.time.LocalDate.ofInstant(meetingAt, java.time.ZoneId.systemDefault())
                        + " Meeting: Partners' meeting late=false page=plan",
                "work resources COMING_UP " + soon + " Report due: Interim report (Eastside Trust) late=false page=funding",
                "work shared-measurement NEEDS_ATTENTION null Indicator Attendance: no value for the last complete period "
                        + "late=false page=indicators"), items.stream().filter(i -> i.startsWith("work ")).toList());
        assertEquals("nothing of an initiative hb1 has no role in", List.of(),
                items.stream().filter(i -> i.startsWith("elsewhere ")).toList());
        // the platform admin sees every initiative's items
        assertTrue(http.get("/my-work/items").body().contains("Private meeting"));
        assertEquals(401, http.send("GET", "/my-work/items", null, null, null).status());

        // a module uninstalled takes its items with it, while the rest still answer
        features(bundleContext).uninstallFeature("backbone-function-resources");
        http.await("/my-work/items", a -> a.status() == 200 && !a.body().contains("Report due"));
        assertTrue(http.get("/my-work/items").body().contains("Meeting: Partners' meeting"));
        features(bundleContext).installFeature("backbone-function-resources");
        http.await("/my-work/items", a -> a.status() == 200 && a.body().contains("Report due: Interim report"));
    }
}
