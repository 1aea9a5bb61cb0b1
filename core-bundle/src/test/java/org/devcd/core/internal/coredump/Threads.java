package org.devcd.core.internal.coredump;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;

/** Thread handshakes for tests: latches and the JVM's view of thread states, never sleeps. */
final class Threads {
    static final Duration BOUND = Duration.ofSeconds(10);

    private Threads() {
    }

    /** Runs {@code body} on a new daemon thread; the future completes with its result or failure. */
    static <T> Running<T> start(String name, Callable<T> body) {
        CompletableFuture<T> result = new CompletableFuture<>();
        Thread thread = new Thread(() -> {
            try {
                result.complete(body.call());
            } catch (Throwable t) {
                result.completeExceptionally(t);
            }
        }, name);
        thread.setDaemon(true);
        thread.start();
        return new Running<>(thread, result);
    }

    /** Runs {@code body} on a new daemon thread; the future completes when it ends. */
    static Running<Void> run(String name, Runnable body) {
        return start(name, () -> {
            body.run();
            return null;
        });
    }

    record Running<T>(Thread thread, Future<T> result) {
        /** Waits until the thread is parked (WAITING or TIMED_WAITING), failing after 10 s. */
        void awaitBlocked() {
            long deadline = System.nanoTime() + BOUND.toNanos();
            for (;;) {
                Thread.State state = thread.getState();
                if (state == Thread.State.WAITING || state == Thread.State.TIMED_WAITING) {
                    return;
                }
                if (state == Thread.State.TERMINATED) {
                    throw new AssertionError(thread.getName() + " ended instead of blocking: " + result);
                }
                if (System.nanoTime() - deadline > 0) {
                    throw new AssertionError(thread.getName() + " did not block within " + BOUND + ": " + state);
                }
                Thread.onSpinWait();
            }
        }

        T join() throws Exception {
            return result.get(BOUND.toSeconds(), java.util.concurrent.TimeUnit.SECONDS);
        }

        boolean isDone() {
            return result.isDone();
        }
    }
}
