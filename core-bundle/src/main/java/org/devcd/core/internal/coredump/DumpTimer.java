package org.devcd.core.internal.coredump;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.Future;

/** Schedules the timeout deletions; tests inject a manual one. */
interface DumpTimer {
    /**
     * @param task what to run after {@code delay}, on the timer's thread
     * @param delay how long from now
     * @return the pending task; {@code cancel(false)} must not block
     */
    Future<?> schedule(Callable<?> task, Duration delay);

    /** Told after a pending task was cancelled, so a timer can drop its cancelled tasks in batches. */
    default void cancelled() {
    }
}
