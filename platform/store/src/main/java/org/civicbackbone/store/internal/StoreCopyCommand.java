package org.civicbackbone.store.internal;

import java.util.Map;
import javax.sql.DataSource;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.osgi.framework.BundleContext;

/**
 * {@code backbone:store-copy}: moves an installation's data to PostgreSQL. Run it on the platform as it runs on its
 * current database, into a new empty PostgreSQL database; then point {@code etc/org.ops4j.datasource-backbone.cfg}
 * at that database (README, "PostgreSQL") and restart.
 */
@Service
@Command(scope = "backbone", name = "store-copy",
        description = "Copies every installed module's data into a new, empty PostgreSQL database")
public class StoreCopyCommand implements Action {

    @Argument(index = 0, name = "url", description = "The target, e.g. jdbc:postgresql://127.0.0.1:5432/backbone",
            required = true)
    String url;

    @Option(name = "--user", description = "The target's login")
    String user;

    @Option(name = "--password", description = "The target's password (none if not given)")
    String password;

    @Reference
    JdbcBackboneStore store;

    @Reference
    BundleContext bundleContext; // to reach the PostgreSQL driver (JdbcDriver)

    @Override
    public Object execute() throws Exception {
        if (!url.startsWith("jdbc:postgresql:")) {
            throw new IllegalArgumentException("The target must be a PostgreSQL URL (jdbc:postgresql://HOST:PORT/DB), "
                    + "not " + url);
        }
        DataSource target = JdbcDriver.use(bundleContext, "org.postgresql.Driver",
                "The PostgreSQL driver is not installed (feature pax-jdbc-postgresql).",
                postgresql -> JdbcDriver.open(postgresql, url, user, password == null ? "" : password));
        Map<String, Long> copied = new StoreCopy(store, target, System.out).run();
        System.out.println("copied " + copied.values().stream().mapToLong(Long::longValue).sum() + " rows in "
                + copied.size() + " tables; point etc/org.ops4j.datasource-backbone.cfg at " + url + " and restart");
        return null;
    }
}
