package org.devcd.core.internal.coredump;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The timeouts on one thread. A cancelled timeout stays queued (no removal under the queue's lock on every dismiss)
 * until {@link #PURGE_EVERY} cancellations have piled up, then they are dropped together. Queued, a cancelled task still
 * orders the queue: the timer thread already waits for a deadline no later than a new dump's, so registering usually
 * neither takes the removal path nor wakes the timer thread. It holds at most {@link #PURGE_EVERY} such tasks, each with
 * a freed dump that keeps nothing of its driver.
 *
 * <p>A timeout task only decides and unlists; the rest of the deletion (drain, {@code free()}) runs elsewhere, so a
 * driver whose {@code free()} hangs never holds this thread.
 */
final class ExecutorTimer implements DumpTimer {
    static final int PURGE_EVERY = 1024;

    private final ScheduledThreadPoolExecutor timeouts;
    private final AtomicInteger cancelled = new AtomicInteger();

    ExecutorTimer(ScheduledThreadPoolExecutor timeouts) {
        this.timeouts = timeouts;
    }

    @Override
    public Future<?> schedule(Callable<?> task, Duration delay) {
        return timeouts.schedule(task, delay.toNanos(), TimeUnit.NANOSECONDS);
    }

    @Override
    public void cancelled() {
        if (cancelled.incrementAndGet() % PURGE_EVERY == 0) {
            timeouts.purge();
        }
    }
}
