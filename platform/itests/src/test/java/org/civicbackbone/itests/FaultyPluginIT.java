package org.civicbackbone.itests;

import static org.civicbackbone.itests.BackboneContainer.features;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.OptionUtils;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/**
 * A deliberately faulty plugin (examples/faulty-plugin): a component that throws in activation, a resource that
 * throws on every request, one that hangs but yields to an interrupt, and one that hangs deaf to interrupts. Its
 * requests fail cleanly, health names it, and the rest of the platform keeps serving throughout.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class FaultyPluginIT extends InsideKaraf {

    private static final String GUARD = "etc/org.civicbackbone.rest.requests.cfg";
    private static final int MAX_RUNNING = 3;

    @Configuration
    @Override
    public Option[] config() {
        return OptionUtils.combine(BackboneContainer.options(),
                editConfigurationFilePut(GUARD, "deadlineSeconds", "2"),
                editConfigurationFilePut(GUARD, "maxRunningPerModule", String.valueOf(MAX_RUNNING)));
    }

    @Test
    public void aFaultyPluginDoesNotTakeThePlatformDown() throws Exception {
        awaitServing("function-shared-measurement");
        features(bundleContext).addRepository(URI.create("mvn:org.civicbackbone.examples/faulty-plugin/"
                + System.getProperty("backbone.version", "0.1.0-SNAPSHOT") + "/xml/features"));
        features(bundleContext).installFeature("backbone-function-faulty");

        // throws in activation: health names the component, the platform is DEGRADED but answers
        JsonNode health = http.await("/health", a -> a.status() == 200 && a.body().contains("function-faulty")
                && a.body().contains("BrokenOnStart")).json();
        assertEquals("DEGRADED", health.get("status").asText());
        assertTrue(health.toString(), health.get("failed").toString().contains("deliberately broken in activation"));

        assertEquals(201, http.post("/initiatives", "{\"id\":\"faulty-host\",\"name\":\"Faulty host\","
                + "\"structureModelId\":\"nested\",\"enabledFunctionIds\":[\"faulty\",\"shared-measurement\"]}")
                .status());

        // throws on every request: a clean problem without internals, then health reports the module
        for (int i = 0; i < 3; i++) {
            Http.Answer failed = http.get("/initiatives/faulty-host/faulty");
            assertEquals(failed.toString(), 500, failed.status());
            assertTrue(failed.contentType().startsWith("application/problem+json"));
            assertFalse("no internals leak", failed.body().contains("deliberately"));
        }
        JsonNode failing = http.get("/health").json();
        assertTrue(failing.toString(), failing.get("failed").toString().contains("requests in a row failed"));
        assertEquals("the rest keeps serving", 200, http.get("/initiatives/faulty-host/shared-measurement").status());
        assertEquals(200, http.get("/initiatives/demo-riverbend-reads/shared-measurement").status());

        // hangs but yields to an interrupt: stopped at the deadline and answered 503
        Http.Answer hung = http.get("/initiatives/faulty-host/faulty/hang");
        assertEquals(hung.toString(), 503, hung.status());
        assertTrue(hung.contentType().startsWith("application/problem+json"));
        assertTrue(hung.body(), hung.body().contains("did not answer within 2 s"));
        // however the address is spelled, the request is the module's and the guard stops it
        Http.Answer spelled = http.sendTo("http://localhost:8181/api/v1/initiatives;x=1/faulty-host/faulty;y=2/hang", "GET",
                Http.ADMIN, null, null);
        assertEquals(spelled.toString(), 503, spelled.status());
        assertTrue(spelled.body(), spelled.body().contains("did not answer within 2 s"));

        // interrupted inside the database's file I/O: the database stays open for everyone else
        for (int i = 0; i < 3; i++) {
            Http.Answer churned = http.get("/initiatives/faulty-host/faulty/churn");
            assertEquals(churned.toString(), 503, churned.status());
            Http.Answer written = http.post("/initiatives/faulty-host/shared-measurement/indicators", "{\"name\":"
                    + "\"After interrupt " + i + "\",\"definition\":\"d\",\"unit\":\"%\",\"direction\":\"UP\","
                    + "\"aggregation\":\"MEAN\",\"reportingPeriod\":\"YEAR\",\"baseline\":1,\"baselineDate\":"
                    + "\"2024-01-01\",\"target\":2,\"targetDate\":\"2027-01-01\"}");
            assertEquals("a write after the interrupt: " + written, 201, written.status());
            JsonNode database = http.get("/health").json();
            assertEquals(database.toString(), "UP", database.get("database").asText());
        }

        // hangs deaf to interrupts: it may hold only MAX_RUNNING threads, further requests are refused at once
        HttpClient client = HttpClient.newHttpClient();
        List<CompletableFuture<HttpResponse<String>>> stuck = new ArrayList<>();
        for (int i = 0; i < MAX_RUNNING; i++) {
            stuck.add(client.sendAsync(HttpRequest.newBuilder(URI.create(Http.BASE + "/initiatives/faulty-host/faulty/stuck"))
                    .header("Authorization", Http.basic(Http.ADMIN))
                    .timeout(Duration.ofMinutes(2)).build(), HttpResponse.BodyHandlers.ofString()));
        }
        JsonNode hanging = http.await("/health", a -> a.body().contains("still running past the 2 s deadline")).json();
        assertEquals("DEGRADED", hanging.get("status").asText());
        Http.Answer refused = http.get("/initiatives/faulty-host/faulty/stuck");
        assertEquals(refused.toString(), 503, refused.status());
        assertTrue(refused.body(), refused.body().contains("is not answering"));
        assertEquals("the rest keeps serving", 200, http.get("/initiatives/faulty-host/shared-measurement").status());
        assertEquals(200, http.get("/initiatives/demo-riverbend-reads").status());
        assertTrue("stuck requests are still held", stuck.stream().noneMatch(CompletableFuture::isDone));

        // uninstalling the plugin ends its waits; the platform is UP again
        features(bundleContext).uninstallFeature("backbone-function-faulty");
        for (CompletableFuture<HttpResponse<String>> request : stuck) {
            request.get(60, TimeUnit.SECONDS);
        }
        // health keeps answering 200 while the plugin goes (a ready node stays in its load balancer); its failed
        // component is read again within a second
        JsonNode healed = http.await("/health", a -> a.status() == 200 && !a.body().contains("function-faulty")
                && a.json().get("status").asText().equals("UP")).json();
        assertFalse(healed.toString(), healed.toString().contains("faulty"));
        assertEquals(200, http.get("/initiatives/faulty-host/shared-measurement").status());
    }
}
