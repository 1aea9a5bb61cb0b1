package org.devcd.itests.leaks.corpus;

import java.util.concurrent.locks.LockSupport;

import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;

/** Leak kind {@code thread} ({@link org.devcd.itests.leaks.LeakKind#THREAD}): a worker thread stop() never ends. */
public final class ThreadLeak implements BundleActivator {
    /** The leaked thread's name. */
    public static final String THREAD = "leak-thread-worker";

    @Override
    public void start(BundleContext context) {
        Thread worker = new Thread(new Worker(), THREAD);
        worker.setDaemon(true);
        worker.start();
    }

    @Override
    public void stop(BundleContext context) {
        // Deliberately nothing: the fix is to interrupt the worker here and join it.
    }

    /** Waits for work that never comes, until interrupted. */
    static final class Worker implements Runnable {
        @Override
        public void run() {
            while (!Thread.currentThread().isInterrupted()) {
                LockSupport.park(this);
            }
        }
    }
}
