package org.devcd.itests.leaks.corpus;

import java.util.concurrent.TimeUnit;

import org.devcd.itests.leaks.host.HostExecutors;
import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;

/**
 * Leak kind {@code thread-local} ({@link org.devcd.itests.leaks.LeakKind#THREAD_LOCAL}): a task on the host's pool
 * puts a value of the bundle's class into the bundle's own static thread local and never removes it.
 */
public final class ThreadLocalLeak implements BundleActivator {
    /** The bundle's thread local: weakly keyed in each thread's map, but reachable again through its value's class. */
    static final ThreadLocal<Session> SESSION = new ThreadLocal<>();

    @Override
    public void start(BundleContext context) throws Exception {
        HostExecutors.workers().submit(new Open()).get(10, TimeUnit.SECONDS);
    }

    @Override
    public void stop(BundleContext context) {
        // Deliberately nothing: the fix is SESSION.remove() in a finally block of the task that set it.
    }

    /** Opens a session on the running thread and leaves it there. */
    static final class Open implements Runnable {
        @Override
        public void run() {
            SESSION.set(new Session());
        }
    }

    /** Per-thread state of the bundle's class: the value that pins the loader. */
    static final class Session {
        final long openedAt = System.nanoTime();
    }
}
