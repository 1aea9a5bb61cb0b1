package org.devcd.core.internal.coredump;

import java.lang.System.Logger.Level;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The registry's threads: the timer (one thread; it only decides and unlists), the reaper (drains and {@code free()}
 * calls of timeouts and sweeps, a thread per task in flight, so one driver's hung {@code free()} holds only its own
 * thread) and the event thread (events in the order queued). Tests pass their own.
 *
 * @param timer schedules the timeout deletions
 * @param events delivers events in the order queued
 * @param reaper runs deletions that must not hold the caller
 * @param stop ends the threads, at the end of {@link DumpRegistry#shutdown()}
 */
record RegistryThreads(DumpTimer timer, Executor events, Executor reaper, Runnable stop) {
    private static final System.Logger LOG = System.getLogger(RegistryThreads.class.getName());

    /** @return daemon threads named {@code devcd-coredump-*} */
    static RegistryThreads start() {
        LaneTimer timeouts = new LaneTimer("devcd-coredump-timeout");
        ExecutorService events = Executors.newSingleThreadExecutor(daemon("devcd-coredump-events"));
        ExecutorService reaper = Executors.newCachedThreadPool(daemon("devcd-coredump-free"));
        return new RegistryThreads(timeouts, events, reaper, () -> {
            timeouts.stop();
            reaper.shutdown(); // a free() still running finishes on its own; nothing waits for it any more
            events.shutdown();
            try {
                if (!events.awaitTermination(5, TimeUnit.SECONDS)) {
                    LOG.log(Level.WARNING, "coredump events still being delivered after 5 s; abandoning them");
                    events.shutdownNow();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                events.shutdownNow();
            }
        });
    }

    private static ThreadFactory daemon(String name) {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            int n = count.incrementAndGet();
            Thread thread = new Thread(task, n == 1 ? name : name + "-" + n);
            thread.setDaemon(true);
            return thread;
        };
    }
}
