package org.devcd.core.internal.coredump;

import java.time.Duration;

import org.devcd.release.Completion;

/** Bounded waits that a deleter must finish even when interrupted (it won the CAS; the free is its job). */
final class Waits {
    private Waits() {
    }

    /**
     * Waits up to {@code bound} for a completion that is completed for good ({@code completeAll}); an interrupt is
     * remembered and restored, not obeyed.
     */
    static boolean awaitUninterruptibly(Completion completion, Duration bound) {
        if (completion.isDone()) {
            return true; // the usual case on every deletion: no clock reads, no Duration
        }
        long deadline = System.nanoTime() + bound.toNanos();
        boolean interrupted = false;
        try {
            for (;;) {
                try {
                    return completion.await(Duration.ofNanos(deadline - System.nanoTime()));
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
