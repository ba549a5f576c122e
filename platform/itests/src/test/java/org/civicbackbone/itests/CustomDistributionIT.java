package org.civicbackbone.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.junit.After;
import org.junit.Test;

/**
 * The example custom distribution (custom-distributions/volunteer-starter) boots with only its modules, and a module
 * it does not run can be installed later from its features repository, offline.
 */
public class CustomDistributionIT {

    private final Http http = new Http();
    private UnpackedDistribution platform;

    @After
    public void stop() throws Exception {
        if (platform != null) {
            platform.kill("-9");
        }
    }

    private static Set<String> active(JsonNode health) {
        Set<String> ids = new HashSet<>();
        health.get("modules").forEach(m -> ids.add(m.get("id").asText()));
        return ids;
    }

    @Test
    public void theVolunteerStarterRunsOnlyItsModulesAndTakesMoreLater() throws Exception {
        platform = UnpackedDistribution.builtFrom("backbone.volunteerStarter", "volunteer-starter-it");
        platform.start();
        JsonNode health = platform.awaitHealth(http, a -> a.status() == 200 && a.json().get("modules").size() == 3).json();
        assertEquals(Set.of("structure-volunteer", "function-shared-measurement", "function-aligned-activities"),
                active(health));
        // the main distribution's bin/setenv: a shutdown secret of this installation, the JIT settings (ADR 0024)
        String custom = Files.readString(platform.home().resolve("etc/custom.properties"));
        assertTrue(custom, custom.matches("(?s).*\\nkaraf.shutdown.command = [0-9a-f]{32}\\n.*"));
        assertTrue(platform.jvmArguments().toString(),
                platform.jvmArguments().contains("-XX:Tier4InvocationThreshold=50000"));
        assertEquals("no demo data in the starter", 0, http.await("/initiatives", a -> a.status() == 200).json().size());
        String backups = platform.bin("backbone", "backbone:backups");
        assertTrue("the starter's database is backed up daily as the main distribution's is: " + backups,
                backups.contains("Next scheduled backup: ") && backups.contains("the newest 7 are kept"));
        assertEquals("no demo logins without the demo", 401, http.send("GET", "/initiatives", "gokafor:demo", null, null)
                .status());

        JsonNode nested = http.await("/modules/structure-nested", a -> a.status() == 200).json();
        assertFalse(nested.get("installed").asBoolean());
        assertEquals("available", nested.get("state").asText());

        Http.Answer install = http.sendWhenSettled("PUT", "/modules/structure-nested");
        assertEquals(install.toString(), 202, install.status());
        http.awaitModule("structure-nested", "active");
        assertTrue(active(http.await("/health", a -> a.body().contains("structure-nested")).json())
                .contains("structure-nested"));
        assertEquals(202, http.sendWhenSettled("PUT", "/modules/function-vision-strategy").status());
        http.awaitModule("function-vision-strategy", "active");
    }
}
