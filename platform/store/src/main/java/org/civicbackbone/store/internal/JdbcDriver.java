package org.civicbackbone.store.internal;

import java.sql.SQLException;
import java.util.Collection;
import java.util.Properties;
import javax.sql.DataSource;
import org.civicbackbone.api.shell.CommandRefused;
import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.service.jdbc.DataSourceFactory;

/**
 * A JDBC driver of the platform, as the store's shell commands reach one: its {@link DataSourceFactory} service,
 * looked up by driver class when the command runs (the shell's own reference injection would take any driver, H2's
 * for PostgreSQL's) and held only while the command's work runs.
 */
final class JdbcDriver {

    /** What a command does with the driver. */
    @FunctionalInterface
    interface Work<T> {
        T with(DataSourceFactory driver) throws Exception;
    }

    private JdbcDriver() {
    }

    /** Runs the work with the driver of this class; refuses the command, saying {@code missing}, without one. */
    static <T> T use(BundleContext context, String driverClass, String missing, Work<T> work) throws Exception {
        Collection<ServiceReference<DataSourceFactory>> drivers = found(context, driverClass);
        if (drivers.isEmpty()) {
            throw new CommandRefused(missing);
        }
        ServiceReference<DataSourceFactory> reference = drivers.iterator().next();
        DataSourceFactory driver = context.getService(reference);
        try {
            return work.with(driver);
        } finally {
            context.ungetService(reference);
        }
    }

    /** A data source of the driver for the URL, with a login when {@code user} is not null. */
    static DataSource open(DataSourceFactory driver, String url, String user, String password) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty(DataSourceFactory.JDBC_URL, url);
        if (user != null) {
            properties.setProperty(DataSourceFactory.JDBC_USER, user);
        }
        if (password != null) {
            properties.setProperty(DataSourceFactory.JDBC_PASSWORD, password);
        }
        return driver.createDataSource(properties);
    }

    private static Collection<ServiceReference<DataSourceFactory>> found(BundleContext context, String driverClass)
            throws InvalidSyntaxException {
        return context.getServiceReferences(DataSourceFactory.class,
                "(" + DataSourceFactory.OSGI_JDBC_DRIVER_CLASS + "=" + driverClass + ")");
    }
}
