package org.devcd.itests.leaks.corpus;

import java.util.concurrent.TimeUnit;

import org.devcd.itests.leaks.host.HostExecutors;
import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;

/**
 * Leak kind {@code context-loader} ({@link org.devcd.itests.leaks.LeakKind#CONTEXT_LOADER}): a task on the host's pool
 * sets the pool thread's context class loader to the bundle's and does not restore it.
 */
public final class ContextLoaderLeak implements BundleActivator {
    @Override
    public void start(BundleContext context) throws Exception {
        HostExecutors.workers().submit(new Adopt()).get(10, TimeUnit.SECONDS);
    }

    @Override
    public void stop(BundleContext context) {
        // Deliberately nothing: the fix is a try/finally in the task that restores the previous context class loader.
    }

    /** Makes the bundle's loader the running thread's context class loader, as code that needs a TCCL does. */
    static final class Adopt implements Runnable {
        @Override
        public void run() {
            Thread.currentThread().setContextClassLoader(ContextLoaderLeak.class.getClassLoader());
        }
    }
}
