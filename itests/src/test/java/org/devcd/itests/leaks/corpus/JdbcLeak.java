package org.devcd.itests.leaks.corpus;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.DriverPropertyInfo;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Properties;
import java.util.logging.Logger;

import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;

/**
 * Leak kind {@code jdbc} ({@link org.devcd.itests.leaks.LeakKind#JDBC}): registers its own driver in
 * {@link DriverManager} and never deregisters it.
 */
public final class JdbcLeak implements BundleActivator {
    static final Driver DRIVER = new Driver();

    @Override
    public void start(BundleContext context) throws SQLException {
        DriverManager.registerDriver(DRIVER);
    }

    @Override
    public void stop(BundleContext context) {
        // Deliberately nothing: the fix is DriverManager.deregisterDriver(DRIVER) here.
    }

    /**
     * What stop() should have done, for the test to undo the leak after proving it. It has to run in code of this
     * bundle: {@code DriverManager} lets only code whose loader sees the driver's class deregister it (why Tomcat
     * defines its {@code JdbcLeakPrevention} inside each web application's loader).
     */
    public static void deregister() throws SQLException {
        DriverManager.deregisterDriver(DRIVER);
    }

    /** A driver for {@code jdbc:devcd-leak:} URLs that connects to nothing. */
    public static final class Driver implements java.sql.Driver {
        @Override
        public Connection connect(String url, Properties info) {
            return null; // not our URL, or nothing to connect to: both say null
        }

        @Override
        public boolean acceptsURL(String url) {
            return url != null && url.startsWith("jdbc:devcd-leak:");
        }

        @Override
        public DriverPropertyInfo[] getPropertyInfo(String url, Properties info) {
            return new DriverPropertyInfo[0];
        }

        @Override
        public int getMajorVersion() {
            return 1;
        }

        @Override
        public int getMinorVersion() {
            return 0;
        }

        @Override
        public boolean jdbcCompliant() {
            return false;
        }

        @Override
        public Logger getParentLogger() throws SQLFeatureNotSupportedException {
            throw new SQLFeatureNotSupportedException("no logging");
        }
    }
}
