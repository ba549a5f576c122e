package org.civicbackbone.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Set;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;

/**
 * The distribution on PostgreSQL as the README tells an operator to set it up: a database of its own on the machine's
 * PostgreSQL (127.0.0.1:5432), {@code etc/org.ops4j.datasource-backbone.cfg.postgresql} copied over the data source
 * configuration with its URL and login edited, then started. The demo loads, writes land in PostgreSQL (read back
 * over JDBC) and survive a kill -9.
 */
public class PostgresqlIT {

    private static final String SERVER = "jdbc:postgresql://127.0.0.1:5432/";
    private static final String DATABASE = "backbone_it";

    private final Http http = new Http();
    private UnpackedDistribution platform;

    @Before
    public void freshDatabase() throws Exception {
        fresh(DATABASE);
    }

    private static void fresh(String database) throws Exception {
        try (Connection c = DriverManager.getConnection(SERVER + "postgres", "postgres", "");
             Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
            s.execute("CREATE DATABASE " + database);
        }
    }

    @After
    public void stop() throws Exception {
        if (platform != null) {
            platform.kill("-9");
        }
    }

    @Test
    public void runsOnPostgresqlAndKeepsAcknowledgedWrites() throws Exception {
        platform = UnpackedDistribution.built("postgresql-it");
        Path etc = platform.home().resolve("etc");
        String example = Files.readString(etc.resolve("org.ops4j.datasource-backbone.cfg.postgresql"));
        Files.writeString(etc.resolve("org.ops4j.datasource-backbone.cfg"), example
                .replace("url = jdbc:postgresql://127.0.0.1:5432/backbone", "url = " + SERVER + DATABASE)
                .replace("user = backbone", "user = postgres").replace("password = change-me", "password = "));
        platform.start();
        JsonNode health = http.await("/health", a -> a.status() == 200 && a.json().get("status").asText().equals("UP"))
                .json();
        assertEquals(health.toString(), "UP", health.get("database").asText());
        assertEquals(200, http.await("/initiatives/demo-riverbend-reads/shared-measurement", a -> a.status() == 200)
                .status());

        Http.Answer created = http.postWhenSettled("/initiatives", "{\"id\":\"on-postgres\",\"name\":\"On PostgreSQL\","
                + "\"structureModelId\":\"nested\",\"enabledFunctionIds\":[\"shared-measurement\",\"policy\"]}");
        assertEquals(created.toString(), 201, created.status());
        Http.Answer indicator = http.postWhenSettled("/initiatives/on-postgres/shared-measurement/indicators",
                "{\"name\":\"Attendance\",\"definition\":\"days attended\",\"unit\":\"%\",\"direction\":\"UP\","
                        + "\"aggregation\":\"MEAN\",\"reportingPeriod\":\"YEAR\",\"baseline\":80,"
                        + "\"baselineDate\":\"2024-01-01\",\"target\":95,\"targetDate\":\"2028-01-01\"}");
        assertEquals(indicator.toString(), 201, indicator.status());
        long id = indicator.json().get("id").asLong();
        String values = "/initiatives/on-postgres/shared-measurement/indicators/" + id + "/values";
        http.organisations("on-postgres", "North High");
        assertEquals(201, http.postWhenSettled(values, "{\"period\":\"2025\",\"partner\":\"North High\",\"value\":83.5}").status());
        assertEquals("a second report of the same slot replaces it", 201,
                http.postWhenSettled(values, "{\"period\":\"2025\",\"partner\":\"North High\",\"value\":84.25}").status());
        Http.Answer item = http.postWhenSettled("/initiatives/on-postgres/policy/items", "{\"title\":\"Library hours\","
                + "\"problem\":\"p\",\"proposedPosition\":\"Open on Sundays\",\"targetKind\":\"BUDGET\","
                + "\"target\":\"County budget\"}");
        assertEquals(item.toString(), 201, item.status());

        try (Connection c = DriverManager.getConnection(SERVER + DATABASE, "postgres", "");
             Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT amount FROM sm_value WHERE indicator_id = " + id)) {
            assertTrue("the value is in PostgreSQL", r.next());
            assertEquals(0, new java.math.BigDecimal("84.25").compareTo(r.getBigDecimal(1)));
            assertTrue("one row for the slot", !r.next());
        }

        platform.kill("-9");
        platform.start();
        http.await("/health", a -> a.status() == 200);
        JsonNode read = http.await(values, a -> a.status() == 200).json();
        assertEquals(1, read.size());
        assertEquals("84.25", read.get(0).get("value").asText());
        assertEquals(1, http.get("/initiatives/on-postgres/policy/items").json().size());
        assertEquals("the demo is loaded once", 2,
                http.get("/initiatives/demo-riverbend-reads/shared-measurement").json().get("indicators").asInt());
    }

    /**
     * An installation that ran on H2 moves: {@code backbone:store-copy} into an empty PostgreSQL database, then every
     * table is compared row by row with the H2 file of the stopped platform, and the platform restarted on
     * PostgreSQL reads the data and writes new rows (the copied ids do not collide with new ones).
     */
    @Test
    public void anH2InstallationMovesToPostgresqlWithEveryRow() throws Exception {
        platform = UnpackedDistribution.built("postgresql-move");
        platform.start();
        // UP: every module active and the REST API settled (a write before may meet the whiteboard rebuilding)
        http.await("/health", a -> a.status() == 200 && a.json().get("status").asText().equals("UP"));
        http.await("/initiatives/demo-riverbend-reads/shared-measurement", a -> a.status() == 200);
        Http.Answer moving = http.postWhenSettled("/initiatives", "{\"id\":\"moving\",\"name\":\"Moving\","
                + "\"structureModelId\":\"nested\",\"enabledFunctionIds\":[\"shared-measurement\"]}");
        assertEquals(moving.toString(), 201, moving.status());
        long id = http.postWhenSettled("/initiatives/moving/shared-measurement/indicators", "{\"name\":\"Attendance\","
                + "\"definition\":\"d\",\"unit\":\"%\",\"direction\":\"UP\",\"aggregation\":\"MEAN\","
                + "\"reportingPeriod\":\"YEAR\",\"baseline\":80,\"baselineDate\":\"2024-01-01\",\"target\":95,"
                + "\"targetDate\":\"2028-01-01\"}").json().get("id").asLong();
        String values = "/initiatives/moving/shared-measurement/indicators/" + id + "/values";
        http.organisations("moving", "North High");
        assertEquals(201, http.postWhenSettled(values, "{\"period\":\"2025\",\"partner\":\"North High\",\"value\":83.5}").status());

        String copy = "backbone_copy";
        fresh(copy);
        String said = platform.bin("backbone", "backbone:store-copy --user postgres " + SERVER + copy);
        assertTrue(said, said.contains("copied ") && said.contains("sm_value"));
        assertEquals("a second copy into a database with rows is refused", 1, platform.exitCode("backbone",
                "backbone:store-copy --user postgres " + SERVER + copy));
        assertEquals(0, platform.exitCode("stop"));

        List<String> differences = new java.util.ArrayList<>();
        int tables = 0;
        try (Connection h2 = DriverManager.getConnection("jdbc:h2:"
                     + platform.home().resolve("data/backbone/backbone").toAbsolutePath());
             Connection pg = DriverManager.getConnection(SERVER + copy, "postgres", "")) {
            for (String table : Tables.names(h2)) {
                tables++;
                // the copy applied the same migrations itself, at copy time
                Set<String> ignored = table.equalsIgnoreCase("schema_version") ? Set.of("applied_at") : Set.of();
                List<String> inH2 = Tables.rows(h2, table, ignored);
                List<String> inPg = Tables.rows(pg, table, ignored);
                if (!inH2.equals(inPg)) {
                    differences.add(table + ": H2 " + inH2.size() + " rows, PostgreSQL " + inPg.size() + " rows; first H2 "
                            + inH2.stream().filter(r -> !inPg.contains(r)).findFirst().orElse("-") + "; first PG "
                            + inPg.stream().filter(r -> !inH2.contains(r)).findFirst().orElse("-"));
                }
            }
        }
        assertTrue("tables compared: " + tables, tables > 40);
        assertEquals("tables whose rows differ", List.of(), differences);

        Path cfg = platform.home().resolve("etc/org.ops4j.datasource-backbone.cfg");
        Files.writeString(cfg, Files.readString(platform.home().resolve("etc/org.ops4j.datasource-backbone.cfg.postgresql"))
                .replace("url = jdbc:postgresql://127.0.0.1:5432/backbone", "url = " + SERVER + copy)
                .replace("user = backbone", "user = postgres").replace("password = change-me", "password = "));
        platform.start();
        http.await("/health", a -> a.status() == 200 && a.json().get("status").asText().equals("UP"));
        JsonNode read = http.await(values, a -> a.status() == 200).json();
        assertEquals("83.5", read.get(0).get("value").asText());
        assertEquals("new rows get new ids after the copied ones", 201,
                http.postWhenSettled(values, "{\"period\":\"2026\",\"partner\":\"North High\",\"value\":85}").status());
        assertEquals(201, http.postWhenSettled("/initiatives/moving/shared-measurement/indicators", "{\"name\":\"Reading\","
                + "\"definition\":\"d\",\"unit\":\"%\",\"direction\":\"UP\",\"aggregation\":\"MEAN\","
                + "\"reportingPeriod\":\"YEAR\",\"baseline\":1,\"baselineDate\":\"2024-01-01\",\"target\":2,"
                + "\"targetDate\":\"2028-01-01\"}").status());
        assertEquals("the demo is not loaded again", 2,
                http.get("/initiatives/demo-riverbend-reads/shared-measurement").json().get("indicators").asInt());
    }
}
