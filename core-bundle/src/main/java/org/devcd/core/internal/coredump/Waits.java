package org.devcd.core.internal.coredump;

import java.time.Duration;

import org.devcd.release.Completion;

/**
 * Bounded waits that a deleter must finish even when interrupted (it won the CAS; the free is its job). Deadlines are
 * {@link System#nanoTime()} values, so that several waits of one operation share one bound.
 */
final class Waits {
    private Waits() {
    }

    /** @return the deadline {@code bound} from now */
    static long deadline(Duration bound) {
        return System.nanoTime() + bound.toNanos();
    }

    /**
     * Waits until {@code deadlineNanos} for a completion that is completed for good ({@code completeAll}); an
     * interrupt is remembered and restored, not obeyed.
     */
    static boolean awaitUntil(Completion completion, long deadlineNanos) {
        if (completion.isDone()) {
            return true; // the usual case on every deletion: no clock reads, no Duration
        }
        boolean interrupted = false;
        try {
            for (;;) {
                try {
                    return completion.await(Duration.ofNanos(Math.max(0, deadlineNanos - System.nanoTime())));
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
