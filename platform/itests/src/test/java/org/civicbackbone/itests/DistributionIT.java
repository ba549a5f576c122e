package org.civicbackbone.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
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
    private Path home;

    @Before
    public void unpackAndStart() throws Exception {
        Path work = Path.of(System.getProperty("backbone.examDirectory", "target/exam")).resolveSibling("distribution-it")
                .resolve(test.getMethodName());
        run(List.of("rm", "-rf", work.toString()), null);
        Files.createDirectories(work);
        run(List.of("tar", "-xzf", System.getProperty("backbone.distribution"), "-C", work.toString()), null);
        try (var entries = Files.list(work)) {
            home = entries.filter(Files::isDirectory).findFirst().orElseThrow();
        }
        start();
    }

    @After
    public void stop() throws Exception {
        if (home != null) {
            killKaraf("-9");
        }
    }

    private void start() throws Exception {
        run(List.of(home.resolve("bin/start").toString()), null);
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
    }

    private void killKaraf(String signal) throws Exception {
        Path pidFile = home.resolve("karaf.pid");
        if (Files.exists(pidFile)) {
            String pid = Files.readString(pidFile).strip();
            run(List.of("kill", signal, pid), null);
            ProcessHandle.of(Long.parseLong(pid)).ifPresent(p -> p.onExit().join());
        }
    }

    private static String run(List<String> command, String stdin) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        if (stdin == null) {
            builder.redirectInput(new File("/dev/null"));
        }
        Process process = builder.start();
        if (stdin != null) {
            process.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
            process.getOutputStream().close();
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(command + " did not finish", process.waitFor(120, TimeUnit.SECONDS));
        return output;
    }

    @Test
    public void shellCommandsPrintTheirOutputThroughTheClient() throws Exception {
        String modules = run(List.of(home.resolve("bin/backbone").toString(), "backbone:modules"), null);
        assertTrue(modules, modules.contains("function-shared-measurement"));
        assertTrue(modules, modules.contains("structure-nested"));

        String indicators = run(List.of(home.resolve("bin/client").toString(), "-u", "admin", "-p", "admin", "-b"),
                "backbone:indicators demo-riverbend-reads\n");
        assertTrue(indicators, indicators.contains("Kindergarten readiness"));

        String governance = run(List.of(home.resolve("bin/backbone").toString(), "backbone:proposals demo-riverbend-reads",
                "backbone:decision-log demo-riverbend-reads"), null);
        assertTrue(governance, governance.contains("Chain") && governance.contains("Reason"));

        String refused = run(List.of(home.resolve("bin/backbone").toString(), "-u", "admin", "-p", "wrong",
                "backbone:modules"), null);
        assertTrue(refused, !refused.contains("function-shared-measurement"));
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
        Http.Answer value = http.post("/initiatives/durable/shared-measurement/indicators/" + id + "/values",
                "{\"period\":\"2025\",\"partner\":\"North High\",\"value\":83.5}");
        assertEquals(value.toString(), 201, value.status());

        String removed = run(List.of(home.resolve("bin/backbone").toString(), "backbone:module-uninstall structure-volunteer"), null);
        assertTrue(removed, removed.contains("structure-volunteer: available"));

        killKaraf("-9");
        start();

        JsonNode volunteer = http.get("/modules/structure-volunteer").json();
        assertEquals("the set of installed modules survives a restart", false, volunteer.get("installed").asBoolean());
        assertEquals(true, http.get("/modules/structure-nested").json().get("installed").asBoolean());

        JsonNode values = http.get("/initiatives/durable/shared-measurement/indicators/" + id + "/values").json();
        assertEquals(1, values.size());
        assertEquals("83.5", values.get(0).get("value").asText());
        assertEquals(1, http.get("/initiatives").json().findValues("id").stream()
                .filter(n -> n.asText().equals("durable")).count());
        assertEquals("the demo is loaded once, not again after a restart", 2,
                http.get("/initiatives/demo-riverbend-reads/shared-measurement").json().get("indicators").asInt());
    }
}
