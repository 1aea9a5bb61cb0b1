package org.devcd.launcher;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.launch.Framework;

/**
 * The embedded framework and its storage folder, stopped and removed exactly once: by the launcher's own thread at a
 * normal end, or by the JVM's shutdown hook on Ctrl-C or SIGTERM, whichever comes first. The other caller waits for
 * the winner (bounded), so the JVM never halts with the storage half removed.
 *
 * <p>Lifecycle, one state field, each transition one CAS: {@code RUNNING -> CLOSING -> CLOSED}. The caller whose CAS
 * takes {@code RUNNING -> CLOSING} stops the framework, removes the storage and counts {@link #closed} down.
 *
 * <p>Thread-safe. Memory consistency effects: everything {@link #close()}'s winner did happens-before a losing
 * {@code close()} returns after its wait.
 */
final class RunningFramework implements AutoCloseable {
    private enum State { RUNNING, CLOSING, CLOSED }

    private static final long STOP_MILLIS = 30_000;

    private final Framework framework;
    private final Path storage;
    private final AtomicReference<State> state = new AtomicReference<>(State.RUNNING);
    private final CountDownLatch closed = new CountDownLatch(1);
    private final Thread hook;

    /** Takes over {@code storage}: {@link #close()} removes it. Registers the shutdown hook. */
    RunningFramework(Framework framework, Path storage) {
        this.framework = framework;
        this.storage = storage;
        this.hook = new Thread(this::close, "devcd-launcher-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
    }

    Framework framework() {
        return framework;
    }

    /**
     * Stops the framework (bounded: 30 s), removes the storage folder and the shutdown hook; returns at once if
     * already closed, or after the closing caller finished (bounded as well).
     */
    @Override
    public void close() {
        if (!state.compareAndSet(State.RUNNING, State.CLOSING)) {
            awaitClosed();
            return;
        }
        try {
            framework.stop();
            FrameworkEvent stopped = framework.waitForStop(STOP_MILLIS);
            if (stopped.getType() == FrameworkEvent.WAIT_TIMEDOUT) {
                System.err.println("devcd: the framework did not stop within " + STOP_MILLIS / 1000 + " s; removing"
                        + " its storage anyway.");
            }
        } catch (Exception e) {
            System.err.println("devcd: could not stop the framework: " + Errors.sentence(e));
        } finally {
            Storage.delete(storage);
            state.set(State.CLOSED);
            closed.countDown();
            removeHook();
        }
    }

    private void awaitClosed() {
        try {
            if (!closed.await(STOP_MILLIS + 5_000, TimeUnit.MILLISECONDS)) {
                System.err.println("devcd: the framework is still stopping after " + (STOP_MILLIS / 1000 + 5)
                        + " s (state " + state.get() + ")");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void removeHook() {
        if (Thread.currentThread() == hook) {
            return;
        }
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shutdownInProgress) {
            // the JVM is exiting: the hook runs, finds the framework CLOSED and returns
        }
    }
}
