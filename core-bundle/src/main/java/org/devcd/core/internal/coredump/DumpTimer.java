package org.devcd.core.internal.coredump;

import java.time.Duration;
import java.util.concurrent.Future;

/** Schedules the timeout deletions; tests inject a manual one. */
interface DumpTimer {
    /**
     * @param task what to run after {@code delay}
     * @param delay how long from now
     * @return the pending task; {@code cancel(false)} must not block
     */
    Future<?> schedule(Runnable task, Duration delay);
}
