package org.devcd.itests.leaks.corpus;

import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;

/**
 * Leak kind {@code log-handler} ({@link org.devcd.itests.leaks.LeakKind#LOG_HANDLER}): adds a {@link Handler} of its
 * own class to a logger the host keeps (the host's logging configuration names it) and never removes it.
 */
public final class LogHandlerLeak implements BundleActivator {
    /** The logger the handler is added to; the host configures its level and so keeps it. */
    public static final String LOGGER = "org.devcd.itests.leak.jul";

    @Override
    public void start(BundleContext context) {
        Logger.getLogger(LOGGER).addHandler(new Collect());
    }

    @Override
    public void stop(BundleContext context) {
        // Deliberately nothing: the fix is removeHandler here.
    }

    /** Collects nothing: a handler of the bundle's class. */
    static final class Collect extends Handler {
        @Override
        public void publish(LogRecord record) {
            // a real handler would forward the record to the bundle's log service
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }
}
