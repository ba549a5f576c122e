package org.civicbackbone.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.SynchronousBundleListener;

/** Modules installed and uninstalled at runtime through the REST API, for every module of the distribution. */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class ModulesIT extends InsideKaraf {

    private static final List<String> MODULES = List.of("function-shared-measurement", "function-vision-strategy",
            "function-resources", "function-policy", "function-community-engagement", "function-aligned-activities",
            "structure-stand-alone",
            "structure-nested", "structure-volunteer", "structure-seconded");

    private void ready() throws InterruptedException {
        http.await("/modules", a -> a.status() == 200 && a.body().split("\"active\"").length - 1 == MODULES.size());
    }

    @Test
    public void listsEveryModuleWithItsStateAndUsers() throws Exception {
        ready();
        JsonNode modules = http.get("/modules").json();
        List<String> ids = new ArrayList<>();
        modules.forEach(m -> ids.add(m.get("id").asText()));
        assertTrue(ids.toString(), ids.containsAll(MODULES));
        JsonNode measurement = http.get("/modules/function-shared-measurement").json();
        assertEquals("function", measurement.get("kind").asText());
        assertTrue(measurement.get("installed").asBoolean());
        assertTrue(measurement.get("usedBy").toString(), measurement.get("usedBy").toString().contains("demo-riverbend-reads"));
        assertEquals(404, http.get("/modules/function-astrology").status());
        assertEquals(403, http.send("GET", "/modules", "hb1:pw", null, null).status());
        assertEquals(403, http.send("DELETE", "/modules/structure-nested", "hb1:pw", null, null).status());
    }

    /**
     * A module being uninstalled takes no install until that is done: the request is refused (409), never answered
     * 200 as if the module were there to stay (the choice would read as made while the uninstall went on).
     */
    @Test
    public void aModuleBeingUninstalledRefusesAnInstallUntilItIsDone() throws Exception {
        ready();
        String module = "structure-volunteer";
        assertEquals(202, http.sendWhenSettled("DELETE", "/modules/" + module).status());
        Http.Answer early = http.send("PUT", "/modules/" + module, Http.ADMIN, null, null);
        if (early.status() == 409) {
            assertTrue(early.body(), early.body().contains("is already uninstalling"));
        } else { // the uninstall was already done: an install is a new one
            assertEquals(early.toString(), 202, early.status());
        }
        http.awaitModule(module, early.status() == 409 ? "available" : "active");
        if (early.status() == 409) {
            assertEquals(202, http.sendWhenSettled("PUT", "/modules/" + module).status());
            http.awaitModule(module, "active");
        }
    }

    @Test
    public void everyModuleComesAndGoesAloneAndKeepsItsData() throws Exception {
        ready();
        for (String module : MODULES) {
            String symbolicName = "backbone-" + module;
            Map<Long, String> before = otherBundles(symbolicName);
            List<String> events = new ArrayList<>();
            SynchronousBundleListener listener = e -> {
                if (!symbolicName.equals(e.getBundle().getSymbolicName())) {
                    events.add(e.getBundle().getSymbolicName() + " event " + e.getType());
                }
            };
            bundleContext.addBundleListener(listener);
            try {
                Http.Answer removing = http.sendWhenSettled("DELETE", "/modules/" + module);
                assertEquals(removing.toString(), 202, removing.status());
                if (module.equals("function-shared-measurement") || module.equals("structure-nested")) {
                    assertTrue(removing.body(), removing.body().contains("demo-riverbend-reads"));
                }
                JsonNode gone = http.awaitModule(module, "available").json();
                assertFalse(gone.get("installed").asBoolean());
                assertEquals("UP", http.await("/health", a -> a.status() == 200).json().get("status").asText());
                if (module.startsWith("function-")) {
                    String functionId = module.substring("function-".length());
                    JsonNode functions = http.await("/initiatives/demo-riverbend-reads/functions",
                            a -> a.status() == 200).json();
                    List<String> states = new ArrayList<>();
                    functions.forEach(f -> {
                        if (f.get("functionId").asText().equals(functionId)) {
                            states.add(f.get("state").asText());
                        }
                    });
                    assertEquals(functions.toString(), List.of("unavailable"), states);
                    assertTrue(http.await("/initiatives/demo-riverbend-reads/" + functionId, a -> a.status() == 404
                            && a.contentType().startsWith("application/problem+json")).body().contains(module));
                }
                Http.Answer adding = http.sendWhenSettled("PUT", "/modules/" + module);
                assertEquals(adding.toString(), 202, adding.status());
                http.awaitModule(module, "active");
            } finally {
                bundleContext.removeBundleListener(listener);
            }
            assertEquals(module + " restarted or refreshed other bundles", List.of(), events);
            assertEquals(module + " changed other bundles", before, otherBundles(symbolicName));
        }
        JsonNode overview = http.await("/initiatives/demo-riverbend-reads/shared-measurement", a -> a.status() == 200).json();
        assertEquals("the demo's indicators are back", 2, overview.get("indicators").asInt());
        assertEquals("the demo's agenda is back", 1, http.await("/initiatives/demo-riverbend-reads/vision-strategy/versions",
                a -> a.status() == 200).json().size());
        assertEquals("the demo's funders are back", 2, http.await("/initiatives/demo-riverbend-reads/resources/funders",
                a -> a.status() == 200).json().size());
    }

    @Test
    public void functionsAreEnabledAndDisabledPerInitiativeKeepingTheirData() throws Exception {
        ready();
        assertEquals(201, http.post("/initiatives", "{\"id\":\"toggle\",\"name\":\"Toggle\",\"structureModelId\":"
                + "\"nested\",\"enabledFunctionIds\":[]}").status());
        assertEquals(409, http.get("/initiatives/toggle/shared-measurement").status());
        Http.Answer enabled = http.send("PUT", "/initiatives/toggle/functions/shared-measurement", Http.ADMIN, null, null);
        assertEquals(enabled.toString(), 200, enabled.status());
        Http.Answer indicator = http.post("/initiatives/toggle/shared-measurement/indicators", "{\"name\":\"Books read\","
                + "\"definition\":\"d\",\"unit\":\"books\",\"direction\":\"UP\",\"aggregation\":\"SUM\","
                + "\"reportingPeriod\":\"YEAR\",\"baseline\":1,\"baselineDate\":\"2024-01-01\",\"target\":5,"
                + "\"targetDate\":\"2027-01-01\"}");
        assertEquals(indicator.toString(), 201, indicator.status());
        assertEquals(200, http.send("DELETE", "/initiatives/toggle/functions/shared-measurement", Http.ADMIN, null, null).status());
        assertEquals(409, http.get("/initiatives/toggle/shared-measurement/indicators").status());
        assertEquals(200, http.send("PUT", "/initiatives/toggle/functions/shared-measurement", Http.ADMIN, null, null).status());
        assertEquals(1, http.get("/initiatives/toggle/shared-measurement/indicators").json().size());
        assertEquals(202, http.sendWhenSettled("DELETE", "/modules/function-policy").status());
        http.awaitModule("function-policy", "available");
        Http.Answer absent = http.send("PUT", "/initiatives/toggle/functions/policy", Http.ADMIN, null, null);
        assertEquals("only installed functions can be enabled", 404, absent.status());
        assertEquals(202, http.sendWhenSettled("PUT", "/modules/function-policy").status());
        http.awaitModule("function-policy", "active");
    }

    private Map<Long, String> otherBundles(String except) {
        Map<Long, String> all = new TreeMap<>();
        for (Bundle b : bundleContext.getBundles()) {
            if (!except.equals(b.getSymbolicName())) {
                all.put(b.getBundleId(), b.getSymbolicName() + " state=" + b.getState() + " modified=" + b.getLastModified());
            }
        }
        return all;
    }

    /**
     * 20 swap cycles of one module (uninstall, install) while readers use other modules' addresses: each swap
     * rebuilds the JAX-RS application, and no reader may see a plain 404, an HTML page or a 5xx for it.
     */
    @Test
    public void swappingAModuleDoesNotDisturbOtherModulesReaders() throws Exception {
        ready();
        String demo = "/initiatives/demo-riverbend-reads";
        http.await(demo + "/shared-measurement", a -> a.status() == 200);
        List<String> paths = List.of(demo + "/shared-measurement", demo + "/vision-strategy", demo, "/initiatives");
        java.util.concurrent.atomic.AtomicBoolean swapping = new java.util.concurrent.atomic.AtomicBoolean(true);
        java.util.concurrent.atomic.AtomicInteger requests = new java.util.concurrent.atomic.AtomicInteger();
        List<String> disturbed = java.util.Collections.synchronizedList(new ArrayList<>());
        java.util.concurrent.ExecutorService readers = java.util.concurrent.Executors.newFixedThreadPool(4);
        for (int r = 0; r < 4; r++) {
            readers.submit(() -> {
                Http reader = new Http();
                int n = 0;
                while (swapping.get()) {
                    String path = paths.get(n++ % paths.size());
                    Http.Answer a = reader.get(path);
                    requests.incrementAndGet();
                    if (a.status() != 200 || !a.contentType().startsWith("application/json")) {
                        disturbed.add(path + " " + a.toString().substring(0, Math.min(160, a.toString().length())));
                    }
                }
                return null;
            });
        }
        long started = System.nanoTime();
        try {
            for (int cycle = 0; cycle < 20; cycle++) {
                assertEquals(202, http.sendWhenSettled("DELETE", "/modules/function-policy").status());
                http.awaitModule("function-policy", "available");
                assertEquals(202, http.sendWhenSettled("PUT", "/modules/function-policy").status());
                http.awaitModule("function-policy", "active");
            }
        } finally {
            swapping.set(false);
            readers.shutdown();
            readers.awaitTermination(60, java.util.concurrent.TimeUnit.SECONDS);
        }
        System.out.printf("swap cycles: 20 in %.1f s, %d reads of other modules, %d disturbed%n",
                (System.nanoTime() - started) / 1e9, requests.get(), disturbed.size());
        assertTrue("readers made requests", requests.get() > 100);
        assertEquals(disturbed.size() + " of " + requests.get() + " reads disturbed", List.of(),
                disturbed.subList(0, Math.min(10, disturbed.size())));
    }

    /**
     * Nodes on one database follow the module set chosen through any of them (ADR 0019). Another node's choice is
     * written into the shared table as that node would write it; this node applies it within seconds, and a choice
     * made through this node is recorded there for the others.
     */
    @Test
    public void aModuleChosenThroughAnotherNodeIsAppliedHere() throws Exception {
        ready();
        choose("structure-seconded", false, "admin on another node");
        JsonNode gone = http.awaitModule("structure-seconded", "available").json();
        assertTrue(gone.toString(), gone.get("message").asText().contains("the cluster's choice (admin on another node)"));
        choose("structure-seconded", true, "admin on another node");
        http.awaitModule("structure-seconded", "active");

        assertEquals(202, http.sendWhenSettled("DELETE", "/modules/structure-volunteer").status());
        http.awaitModule("structure-volunteer", "available");
        assertEquals("recorded for the other nodes", Boolean.FALSE, chosen("structure-volunteer"));
        assertEquals(202, http.sendWhenSettled("PUT", "/modules/structure-volunteer").status());
        http.awaitModule("structure-volunteer", "active");
        assertEquals(Boolean.TRUE, chosen("structure-volunteer"));
    }

    /** The platform's database, as every node shares it. */
    private <T> T onDatabase(SqlWork<T> work) throws Exception {
        org.osgi.framework.ServiceReference<javax.sql.DataSource> reference = bundleContext
                .getServiceReferences(javax.sql.DataSource.class, "(dataSourceName=backbone)").iterator().next();
        try (java.sql.Connection c = bundleContext.getService(reference).getConnection()) {
            return work.run(c);
        } finally {
            bundleContext.ungetService(reference);
        }
    }

    private interface SqlWork<T> {
        T run(java.sql.Connection c) throws java.sql.SQLException;
    }

    private void choose(String module, boolean installed, String by) throws Exception {
        onDatabase(c -> {
            try (java.sql.PreparedStatement delete = c.prepareStatement(
                    "DELETE FROM core_module_choice WHERE module_id = ?");
                 java.sql.PreparedStatement insert = c.prepareStatement("INSERT INTO core_module_choice "
                         + "(module_id, installed, chosen_by, chosen_at) VALUES (?, ?, ?, CURRENT_TIMESTAMP)")) {
                delete.setString(1, module);
                delete.executeUpdate();
                insert.setString(1, module);
                insert.setBoolean(2, installed);
                insert.setString(3, by);
                insert.executeUpdate();
            }
            return null;
        });
    }

    private Boolean chosen(String module) throws Exception {
        return onDatabase(c -> {
            try (java.sql.PreparedStatement p = c.prepareStatement(
                    "SELECT installed FROM core_module_choice WHERE module_id = ?")) {
                p.setString(1, module);
                try (java.sql.ResultSet r = p.executeQuery()) {
                    return r.next() ? r.getBoolean(1) : null;
                }
            }
        });
    }
}
