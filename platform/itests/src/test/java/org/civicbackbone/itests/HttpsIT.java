package org.civicbackbone.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.After;
import org.junit.Test;

/**
 * The HTTPS set-up of docs/security.md, done as an operator would on an unpacked distribution: a keystore made by
 * keytool and Pax Web's secure connector configured, before the first start or after the platform has run; the API
 * answers over TLS.
 */
public class HttpsIT {

    private UnpackedDistribution platform;

    @After
    public void stop() throws Exception {
        if (platform != null) {
            platform.kill("-9");
        }
    }

    @Test
    public void servesTheApiOverHttpsWithAKeystoreMadeByKeytool() throws Exception {
        platform = UnpackedDistribution.built("https-it/before-first-start");
        Path keystore = configureHttps();
        platform.start();
        answersOverHttps(keystore);
    }

    /**
     * The usual way: the platform has run on plain HTTP for a while; the operator stops it, turns HTTPS on and starts
     * it again. Pax Web then starts from its stored configuration and is reconfigured as it boots (ADR 0008).
     */
    @Test
    public void turningHttpsOnForAPlatformThatHasRunKeepsTheApiAnswering() throws Exception {
        platform = UnpackedDistribution.built("https-it/after-a-run");
        platform.start();
        Http http = new Http();
        assertEquals(200, http.await("/initiatives", a -> a.status() == 200).status());
        assertEquals(0, platform.exitCode("stop"));
        Path keystore = configureHttps();
        platform.start();
        Path web = platform.home().resolve("etc/org.ops4j.pax.web.cfg");
        try {
            answersOverHttps(keystore);
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "; etc/org.ops4j.pax.web.cfg holds " + Files.size(web)
                    + " bytes", e);
        }
        // the operator's file is never written back by the platform (ADR 0008): an edit survives the start
        assertTrue(Files.readString(web).contains("org.osgi.service.http.secure.enabled = true"));
        assertEquals("plain HTTP still answers beside HTTPS", 200, http.await("/initiatives", a -> a.status() == 200)
                .status());
    }

    /** Makes a keystore with keytool and turns on Pax Web's secure connector, as docs/security.md says. */
    private Path configureHttps() throws Exception {
        Path keystore = platform.home().resolve("etc/keystore.p12");
        String made = UnpackedDistribution.run(List.of(Path.of(System.getProperty("java.home"), "bin", "keytool")
                .toString(), "-genkeypair", "-alias", "backbone", "-keyalg", "RSA", "-keysize", "2048", "-validity", "30",
                "-dname", "CN=localhost", "-ext", "SAN=dns:localhost,ip:127.0.0.1", "-keystore", keystore.toString(),
                "-storetype", "PKCS12", "-storepass", "changeit", "-keypass", "changeit"), null);
        assertTrue(made, Files.exists(keystore));
        Path web = platform.home().resolve("etc/org.ops4j.pax.web.cfg");
        Files.writeString(web, Files.readString(web).replace("org.osgi.service.http.secure.enabled = false", "")
                + "\norg.osgi.service.http.secure.enabled = true\norg.osgi.service.http.port.secure = 8443\n"
                + "org.ops4j.pax.web.ssl.keystore = ${karaf.etc}/keystore.p12\norg.ops4j.pax.web.ssl.keystore.type = PKCS12\n"
                + "org.ops4j.pax.web.ssl.keystore.password = changeit\norg.ops4j.pax.web.ssl.key.password = changeit\n"
                + "org.ops4j.pax.web.ssl.key.alias = backbone\n");
        return keystore;
    }

    /** Health, then a logged-in read of a function's page, over TLS; both must come within two minutes. */
    private static void answersOverHttps(Path keystore) throws Exception {
        HttpClient client = HttpClient.newBuilder().sslContext(trusting(keystore)).connectTimeout(Duration.ofSeconds(5))
                .build();
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        HttpResponse<String> health = null;
        while (System.nanoTime() < deadline && (health == null || health.statusCode() != 200)) {
            try {
                health = client.send(HttpRequest.newBuilder(URI.create("https://localhost:8443/api/v1/health"))
                        .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
            } catch (IOException notYet) {
                health = null;
            }
            Thread.sleep(500);
        }
        assertNotNull("no answer over HTTPS within two minutes", health);
        assertEquals(health.body(), 200, health.statusCode());
        assertTrue("HSTS over HTTPS", health.headers().firstValue("Strict-Transport-Security").isPresent());
        String admin = Http.basic(Http.ADMIN);
        HttpResponse<String> measurement = null;
        while (System.nanoTime() < deadline && (measurement == null || measurement.statusCode() != 200)) {
            measurement = client.send(HttpRequest.newBuilder(URI.create(
                    "https://localhost:8443/api/v1/initiatives/demo-riverbend-reads/shared-measurement"))
                    .header("Authorization", admin).timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofString());
            Thread.sleep(500);
        }
        assertNotNull("no read over HTTPS within two minutes", measurement);
        assertEquals(measurement.body(), 200, measurement.statusCode());
    }

    private static SSLContext trusting(Path keystore) throws Exception {
        KeyStore trusted = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keystore)) {
            trusted.load(in, "changeit".toCharArray());
        }
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(trusted);
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(null, trust.getTrustManagers(), null);
        return tls;
    }
}
