package org.devcd.release;

import java.time.Duration;

/**
 * Handshakes on other threads' states for tests: no sleeping, a bounded spin on what the JVM reports. Public for the
 * tests of {@code org.devcd.release.debug}.
 */
public final class Threads {
    private static final Duration BOUND = Duration.ofSeconds(10);

    private Threads() {
    }

    /** Waits until {@code thread} is parked (WAITING or TIMED_WAITING), failing after 10 s. */
    public static void awaitBlocked(Thread thread) {
        long deadline = System.nanoTime() + BOUND.toNanos();
        while (thread.getState() != Thread.State.WAITING && thread.getState() != Thread.State.TIMED_WAITING) {
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError(thread.getName() + " did not block within " + BOUND + ": " + thread.getState());
            }
            Thread.onSpinWait();
        }
    }

    /** Starts a daemon thread with a name. */
    public static Thread start(String name, Runnable body) {
        Thread thread = new Thread(body, name);
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    /** Joins {@code thread}, failing if it is still alive after 10 s. */
    public static void join(Thread thread) throws InterruptedException {
        thread.join(BOUND.toMillis());
        if (thread.isAlive()) {
            throw new AssertionError(thread.getName() + " still running after " + BOUND);
        }
    }
}
