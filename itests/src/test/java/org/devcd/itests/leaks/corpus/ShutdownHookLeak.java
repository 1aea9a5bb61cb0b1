package org.devcd.itests.leaks.corpus;

import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;

/**
 * Leak kind {@code shutdown-hook} ({@link org.devcd.itests.leaks.LeakKind#SHUTDOWN_HOOK}): adds a shutdown hook of its
 * own class and never removes it.
 */
public final class ShutdownHookLeak implements BundleActivator {
    /** The hook's thread name. */
    public static final String HOOK_NAME = "leak-shutdown-hook";

    /** Kept, as code that means to remove its hook keeps it: the test reads it to undo the leak. */
    static final Hook HOOK = new Hook();

    @Override
    public void start(BundleContext context) {
        Runtime.getRuntime().addShutdownHook(HOOK);
    }

    @Override
    public void stop(BundleContext context) {
        // Deliberately nothing: the fix is Runtime.getRuntime().removeShutdownHook(HOOK) here.
    }

    /** Flushes nothing at JVM exit: a registered, never started thread of the bundle's class. */
    static final class Hook extends Thread {
        Hook() {
            super(HOOK_NAME);
        }

        @Override
        public void run() {
            // a real hook would flush or close something of the bundle
        }
    }
}
