package org.devcd.itests.leaks.host;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The host's shared executors, as a container offers them to the bundles it runs: a worker pool of one long-lived
 * thread, {@value #WORKER}, and a scheduler thread, {@value #SCHEDULER}. One thread each keeps the thread a leak lands
 * on, and so the name a diagnosis must give, deterministic.
 *
 * <p>Both threads are created when the host starts, by the host, with the host's class loader as their context class
 * loader: a thread created lazily, on the first submit, would be created by whichever bundle submitted first and would
 * inherit that bundle's context (the leak {@code context-loader} shows on purpose). Cancelled scheduled tasks leave the
 * queue at once ({@link ScheduledThreadPoolExecutor#setRemoveOnCancelPolicy}), so a bundle that cancels its task in
 * stop() leaves nothing behind.
 *
 * <p>Thread-safe: the executors are published by volatile writes in {@link #start()}.
 */
public final class HostExecutors {
    /** The name of the worker pool's only thread. */
    public static final String WORKER = "host-pool-1";
    /** The name of the scheduler's only thread. */
    public static final String SCHEDULER = "host-scheduler";

    private static volatile ThreadPoolExecutor workers;
    private static volatile ScheduledThreadPoolExecutor scheduler;

    private HostExecutors() {
    }

    /** @return the shared worker pool; its thread is {@value #WORKER} */
    public static ExecutorService workers() {
        ThreadPoolExecutor pool = workers;
        if (pool == null) {
            throw new IllegalStateException("the host is not started");
        }
        return pool;
    }

    /** @return the shared scheduler; its thread is {@value #SCHEDULER} */
    public static ScheduledExecutorService scheduler() {
        ScheduledThreadPoolExecutor pool = scheduler;
        if (pool == null) {
            throw new IllegalStateException("the host is not started");
        }
        return pool;
    }

    /** Creates both executors and starts their threads now, on the host's start thread. */
    static void start() {
        ThreadPoolExecutor pool = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(),
                named(WORKER));
        pool.prestartAllCoreThreads();
        ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, named(SCHEDULER));
        timer.setRemoveOnCancelPolicy(true);
        timer.prestartAllCoreThreads();
        workers = pool;
        scheduler = timer;
    }

    /** Stops both executors; their threads end without waiting for queued tasks. */
    static void stop() {
        ThreadPoolExecutor pool = workers;
        ScheduledThreadPoolExecutor timer = scheduler;
        workers = null;
        scheduler = null;
        if (pool != null) {
            pool.shutdownNow();
        }
        if (timer != null) {
            timer.shutdownNow();
        }
    }

    private static ThreadFactory named(String name) {
        ClassLoader host = HostExecutors.class.getClassLoader();
        return task -> {
            Thread thread = new Thread(task, name);
            thread.setDaemon(true);
            thread.setContextClassLoader(host);
            return thread;
        };
    }
}
