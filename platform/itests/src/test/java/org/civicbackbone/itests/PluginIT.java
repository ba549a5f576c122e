package org.civicbackbone.itests;

import static org.civicbackbone.itests.BackboneContainer.features;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.util.List;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/**
 * The example third-party plugin (examples/learning-evaluation), built on its own against backbone-api, installed
 * into the running platform from its features repository exactly as docs/plugin-guide.md says, and working.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class PluginIT extends InsideKaraf {

    @Test
    public void theLearningEvaluationPluginInstallsAndWorks() throws Exception {
        awaitServing("structure-nested");
        // what `feature:repo-add` and `feature:install` do in the shell
        features(bundleContext).addRepository(URI.create("mvn:org.civicbackbone.examples/learning-evaluation/"
                + System.getProperty("backbone.version", "0.1.0-SNAPSHOT") + "/xml/features"));
        features(bundleContext).installFeature("backbone-function-learning-evaluation");
        http.await("/health", a -> a.body().contains("function-learning-evaluation"));
        JsonNode module = http.get("/modules/function-learning-evaluation").json();
        assertEquals("function", module.get("kind").asText());

        assertEquals(201, http.post("/initiatives", "{\"id\":\"learning\",\"name\":\"Learning\",\"structureModelId\":"
                + "\"nested\",\"enabledFunctionIds\":[\"learning-evaluation\"]}").status());
        String base = "/initiatives/learning/learning-evaluation";
        Http.Answer asked = http.post(base + "/questions",
                "{\"question\":\"Did summer reading slow the summer slide?\",\"indicatorIds\":[1]}");
        assertEquals(asked.toString(), 201, asked.status());
        long id = asked.json().get("id").asLong();
        assertTrue("the kit's 201 says where the question is: " + asked.header("Location"),
                asked.header("Location").endsWith(base + "/questions/" + id));
        assertEquals(400, http.post(base + "/questions", "{\"question\":\"\",\"indicatorIds\":[]}").status());
        assertEquals(1, http.get(base).json().get("withoutEvidence").asInt());
        // a third-party function puts its own items on "My work" through the API (WorkItems)
        List<String> mine = new java.util.ArrayList<>();
        http.get("/my-work/items").json().forEach(i -> mine.add(i.get("initiativeId").asText() + " "
                + i.get("functionId").asText() + " " + i.get("kind").asText() + " " + i.get("what").asText() + " page="
                + i.get("page").asText()));
        assertEquals(List.of("learning learning-evaluation NEEDS_ATTENTION Learning question \"Did summer reading slow "
                + "the summer slide?\": no evidence yet page=questions"),
                mine.stream().filter(i -> i.startsWith("learning ")).toList());
        assertEquals(201, http.post(base + "/questions/" + id + "/evidence",
                "{\"summary\":\"Fall scores fell 2 points, against 6 the year before\",\"source\":\"district data\"}").status());
        assertEquals(201, http.post(base + "/questions/" + id + "/reflections",
                "{\"text\":\"Keep the program; reach more boys\"}").status());
        JsonNode overview = http.get(base).json();
        assertEquals(1, overview.get("questions").asInt());
        assertEquals(0, overview.get("withoutEvidence").asInt());
        assertTrue(overview.get("needsAttention").isEmpty());
        assertTrue("answered and reflected on: off the page", !http.get("/my-work/items").body().contains("Learning question"));

        assertConsolePage("learning-evaluation/questions.js", true);

        features(bundleContext).uninstallFeature("backbone-function-learning-evaluation");
        Http.Answer gone = http.await(base, a -> a.status() == 404);
        assertTrue(gone.body().contains("function-learning-evaluation"));
        assertConsolePage("learning-evaluation/questions.js", false);
    }

    /**
     * The project that {@code backbone-function-archetype} generates (its build's integration test generates
     * "mentoring-circles" and installs it) goes live in a running platform and works as generated.
     */
    @Test
    public void aPluginGeneratedByTheArchetypeInstallsAndWorks() throws Exception {
        awaitServing("structure-nested");
        features(bundleContext).addRepository(URI.create("mvn:org.example.backbone/mentoring-circles/1.0.0-SNAPSHOT/xml/features"));
        features(bundleContext).installFeature("backbone-function-mentoring-circles");
        http.await("/health", a -> a.body().contains("function-mentoring-circles"));

        assertEquals(201, http.post("/initiatives", "{\"id\":\"mentoring\",\"name\":\"Mentoring\",\"structureModelId\":"
                + "\"nested\",\"enabledFunctionIds\":[\"mentoring-circles\"]}").status());
        String base = "/initiatives/mentoring/mentoring-circles";
        assertEquals("[\"no notes yet\"]", http.get(base).json().get("needsAttention").toString());
        // the generated function puts what needs attention on "My work", linked to its notes page
        List<String> mine = new java.util.ArrayList<>();
        http.get("/my-work/items").json().forEach(i -> mine.add(i.get("initiativeId").asText() + " "
                + i.get("functionId").asText() + " " + i.get("what").asText() + " page=" + i.get("page").asText()));
        assertEquals(List.of("mentoring mentoring-circles no notes yet page=notes"),
                mine.stream().filter(i -> i.startsWith("mentoring ")).toList());
        Http.Answer bad = http.post(base + "/notes", "{\"title\":\"\"}");
        assertEquals(bad.toString(), 400, bad.status());
        assertTrue(bad.body(), bad.body().contains("title"));
        Http.Answer written = http.post(base + "/notes", "{\"title\":\"First circle\",\"text\":\"Six mentors, twelve youth\"}");
        assertEquals(written.toString(), 201, written.status());
        assertTrue("the kit's 201 says where the note is: " + written.header("Location"), written.header("Location")
                .endsWith(base + "/notes/" + written.json().get("id").asLong()));
        JsonNode overview = http.get(base).json();
        assertEquals(1, overview.get("notes").asInt());
        assertTrue(overview.get("needsAttention").isEmpty());
        assertTrue("nothing needs attention: off the page", !http.get("/my-work/items").body().contains("mentoring-circles"));
        assertEquals("First circle", http.get(base + "/notes").json().get(0).get("title").asText());
        assertTrue(http.get("/initiatives/mentoring/audit").body().contains("note.write"));
        assertConsolePage("mentoring-circles/notes.js", true);

        features(bundleContext).uninstallFeature("backbone-function-mentoring-circles");
        http.await(base, a -> a.status() == 404);
        assertConsolePage("mentoring-circles/notes.js", false);
    }

    /** The plugin's console page is listed and its script served from the plugin's bundle, or neither. */
    private void assertConsolePage(String script, boolean present) throws InterruptedException {
        String address = "/console/modules/" + script;
        http.await("/console/pages", a -> a.body().contains(address) == present);
        Http.Answer served = http.sendTo("http://localhost:8181" + address, "GET", null, null, null);
        if (present) {
            assertEquals(served.toString(), 200, served.status());
            assertTrue(served.body(), served.body().contains("export async function render"));
        } else {
            assertEquals(404, served.status());
        }
    }
}
