package org.civicbackbone.itests;

import static org.ops4j.pax.exam.CoreOptions.systemProperty;
import static org.ops4j.pax.exam.CoreOptions.vmOptions;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.configureConsole;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.karafDistributionConfiguration;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.keepRuntimeFolder;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.logLevel;

import java.io.File;
import java.util.concurrent.TimeUnit;
import org.apache.karaf.features.FeaturesService;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.karaf.options.LogLevelOption;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;

/** How the tests boot the built distribution: the real archive, its real features, on JDK 17. */
final class BackboneContainer {

    static final String KARAF_VERSION = "4.4.10";

    private BackboneContainer() {
    }

    /**
     * The test logins' password "pw", stored as Karaf stores it (SHA-512, upper-case hex): a plain password in
     * users.properties makes Karaf rewrite the file in place while logins read it, and a login can come up short.
     */
    static final String PW = stored("pw");

    /** A password as Karaf stores it with etc/org.apache.karaf.jaas.cfg (SHA-512, upper-case hex, {CRYPT} marks). */
    static String stored(String password) {
        try {
            byte[] hash = java.security.MessageDigest.getInstance("SHA-512")
                    .digest(password.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return "{CRYPT}" + java.util.HexFormat.of().withUpperCase().formatHex(hash) + "{CRYPT}";
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-512", e);
        }
    }

    /**
     * Karaf's features service as it is registered now, waiting up to 30 s while there is none. A test asks for it
     * each time it uses it, as the shell does for each command: the boot's provisioning can refresh the features
     * bundle after Pax Exam injected a test, and an injected service is then a stopped one (its executor rejects
     * every install; seen once in PluginIT).
     */
    static FeaturesService features(BundleContext context) {
        long giveUp = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (true) {
            ServiceReference<FeaturesService> reference =
                    context.getServiceReference(FeaturesService.class);
            FeaturesService service = reference == null ? null : context.getService(reference);
            if (service != null) {
                return service;
            }
            if (System.nanoTime() - giveUp > 0) {
                throw new AssertionError("no features service registered for 30 s");
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for the features service", e);
            }
        }
    }

    /** Voters of the concurrency scenarios in TrustIT: v01 ... v24, password "pw". */
    static final int VOTERS = 24;

    static Option[] options() {
        java.util.List<Option> options = new java.util.ArrayList<>(java.util.List.of(baseOptions()));
        for (int i = 1; i <= VOTERS; i++) {
            options.add(editConfigurationFilePut("etc/users.properties", String.format("v%02d", i), PW + ",viewer"));
        }
        if ("postgresql".equals(System.getProperty("backbone.database", "h2"))) {
            options.addAll(onPostgresql());
        }
        return options.toArray(new Option[0]);
    }

    /**
     * With {@code -Dbackbone.database=postgresql} (the itests' second run): the container's data source is a fresh
     * database on the machine's PostgreSQL, configured as README's PostgreSQL section says (pooled by HikariCP).
     * Containers run one after another, so the databases of earlier ones are dropped first.
     */
    private static java.util.List<Option> onPostgresql() {
        String server = "jdbc:postgresql://127.0.0.1:5432/";
        String database = "backbone_exam_" + System.nanoTime();
        try (java.sql.Connection c = java.sql.DriverManager.getConnection(server + "postgres", "postgres", "");
             java.sql.Statement s = c.createStatement()) {
            java.util.List<String> stale = new java.util.ArrayList<>();
            try (java.sql.ResultSet r = s.executeQuery(
                    "SELECT datname FROM pg_database WHERE datname LIKE 'backbone\\_exam\\_%'")) {
                while (r.next()) {
                    stale.add(r.getString(1));
                }
            }
            for (String old : stale) {
                s.execute("DROP DATABASE IF EXISTS " + old + " WITH (FORCE)");
            }
            s.execute("CREATE DATABASE " + database);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("PostgreSQL on 127.0.0.1:5432 is needed for -Dbackbone.database=postgresql "
                    + "(.ci/run starts it): " + e.getMessage(), e);
        }
        String cfg = "etc/org.ops4j.datasource-backbone.cfg";
        return java.util.List.of(
                editConfigurationFilePut(cfg, "osgi.jdbc.driver.class", "org.postgresql.Driver"),
                editConfigurationFilePut(cfg, "url", server + database + "?reWriteBatchedInserts=true"),
                editConfigurationFilePut(cfg, "user", "postgres"),
                editConfigurationFilePut(cfg, "password", ""),
                editConfigurationFilePut(cfg, "pool", "hikari"),
                editConfigurationFilePut(cfg, "xa", "false"),
                editConfigurationFilePut(cfg, "hikari.maximumPoolSize", "16"));
    }

    private static Option[] baseOptions() {
        String distribution = System.getProperty("backbone.distribution");
        String localRepository = System.getProperty("backbone.localRepository");
        String examDirectory = System.getProperty("backbone.examDirectory", "target/exam");
        return new Option[] {
            karafDistributionConfiguration()
                    .frameworkUrl(new File(distribution).toURI().toString())
                    .name("Civic Backbone")
                    .karafVersion(KARAF_VERSION)
                    .unpackDirectory(new File(examDirectory))
                    .useDeployFolder(false),
            keepRuntimeFolder(),
            configureConsole().ignoreLocalConsole(),
            logLevel(LogLevelOption.LogLevel.WARN),
            // the container resolves Pax Exam's own feature offline, from the build's local repository
            editConfigurationFilePut("etc/org.ops4j.pax.url.mvn.cfg", "org.ops4j.pax.url.mvn.localRepository", localRepository),
            editConfigurationFilePut("etc/org.ops4j.pax.url.mvn.cfg", "org.ops4j.pax.url.mvn.defaultRepositories",
                    "file:${karaf.home}/${karaf.default.repository}@id=system.repository@snapshots"),
            editConfigurationFilePut("etc/org.ops4j.pax.url.mvn.cfg", "org.ops4j.pax.url.mvn.repositories", ""),
            systemProperty("backbone.itest").value("true"),
            // members who log in to vote in the governance scenarios (password "pw", no admin role)
            editConfigurationFilePut("etc/users.properties", "hb1", PW + ",viewer"),
            editConfigurationFilePut("etc/users.properties", "hb2", PW + ",viewer"),
            editConfigurationFilePut("etc/users.properties", "hb3", PW + ",viewer"),
            editConfigurationFilePut("etc/users.properties", "lg1", PW + ",viewer"),
            editConfigurationFilePut("etc/users.properties", "lg2", PW + ",viewer"),
            editConfigurationFilePut("etc/users.properties", "lg3", PW + ",viewer"),
            editConfigurationFilePut("etc/users.properties", "ceo", PW + ",viewer"),
            editConfigurationFilePut("etc/users.properties", "outsider", PW + ",viewer"),
            // what bin/karaf passes on JDK 17 and Pax Exam does not
            vmOptions(
                    "--add-reads=java.xml=java.logging",
                    "--add-exports=java.base/org.apache.karaf.specs.locator=java.xml,ALL-UNNAMED",
                    "--patch-module", "java.base=lib/endorsed/org.apache.karaf.specs.locator-" + KARAF_VERSION + ".jar",
                    "--patch-module", "java.xml=lib/endorsed/org.apache.karaf.specs.java.xml-" + KARAF_VERSION + ".jar",
                    "--add-opens", "java.base/java.security=ALL-UNNAMED",
                    "--add-opens", "java.base/java.net=ALL-UNNAMED",
                    "--add-opens", "java.base/java.lang=ALL-UNNAMED",
                    "--add-opens", "java.base/java.util=ALL-UNNAMED",
                    "--add-opens", "java.naming/javax.naming.spi=ALL-UNNAMED",
                    "--add-opens", "java.rmi/sun.rmi.transport.tcp=ALL-UNNAMED",
                    "--add-exports=java.base/sun.net.www.protocol.file=ALL-UNNAMED",
                    "--add-exports=java.base/sun.net.www.protocol.ftp=ALL-UNNAMED",
                    "--add-exports=java.base/sun.net.www.protocol.http=ALL-UNNAMED",
                    "--add-exports=java.base/sun.net.www.protocol.https=ALL-UNNAMED",
                    "--add-exports=java.base/sun.net.www.protocol.jar=ALL-UNNAMED",
                    "--add-exports=java.base/sun.net.www.content.text=ALL-UNNAMED",
                    "--add-exports=jdk.xml.dom/org.w3c.dom.html=ALL-UNNAMED",
                    "--add-exports=jdk.naming.rmi/com.sun.jndi.url.rmi=ALL-UNNAMED",
                    "--add-exports=java.rmi/sun.rmi.registry=ALL-UNNAMED",
                    "--add-exports=java.security.sasl/com.sun.security.sasl=ALL-UNNAMED",
                    "--add-exports=java.naming/com.sun.jndi.ldap=ALL-UNNAMED",
                    "-Djava.security.manager=allow")
        };
    }
}
