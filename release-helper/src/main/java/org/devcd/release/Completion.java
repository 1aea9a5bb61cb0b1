package org.devcd.release;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.locks.AbstractQueuedSynchronizer;

import org.devcd.release.internal.PreemptionPoint;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The kernel's {@code struct completion}: a count of signals that waiters consume.
 *
 * <p>{@link #complete()} adds one signal and wakes one waiter; {@link #completeAll()} makes the completion done for good,
 * so every present and future {@link #await()} returns at once. Each {@code await} that returns after a
 * {@code complete()} consumes that signal, as {@code wait_for_completion} does: two waiters need two {@code complete()}s,
 * or one {@code completeAll()}. {@link #isDone()} ({@code completion_done}) tells whether a signal is available without
 * consuming it.
 *
 * <p>In devcd the usual pair is the one of {@code dm-builtin.c}: a {@link RefCount}'s release action completes, the owner
 * waits. Right after a signal, this class passes the preemption point of release debugging
 * ({@code org.devcd.release.debug.ReleaseDebug}, for tests only): one volatile read while it is disarmed.
 *
 * <p>Memory consistency effects: actions in a thread before {@code complete()} or {@code completeAll()} happen-before
 * actions following the return of an {@code await} that this signal released, in another thread.
 *
 * <p>Thread-safety: all methods may be called from any thread.
 */
@ProviderType
public final class Completion {
    private final Sync sync = new Sync();

    /** Signals one waiter ({@code complete}): adds one signal, unless the completion is already done for good. */
    public void complete() {
        sync.releaseShared(Sync.ONE);
        PreemptionPoint.afterComplete(this);
    }

    /** Signals every present and future waiter ({@code complete_all}). Idempotent. */
    public void completeAll() {
        sync.releaseShared(Sync.ALL);
        PreemptionPoint.afterComplete(this);
    }

    /**
     * Waits for a signal and consumes it ({@code wait_for_completion_interruptible}). Prefer {@link #await(Duration)}
     * when the signal depends on code of another bundle.
     *
     * @throws InterruptedException if interrupted while waiting; no signal is consumed then
     */
    public void await() throws InterruptedException {
        sync.acquireSharedInterruptibly(0);
    }

    /**
     * Waits at most {@code timeout} for a signal and consumes it ({@code wait_for_completion_timeout}).
     *
     * @param timeout how long to wait; zero or negative only checks
     * @return {@code true} if a signal was consumed, {@code false} if the time ran out
     * @throws InterruptedException if interrupted while waiting; no signal is consumed then
     */
    public boolean await(Duration timeout) throws InterruptedException {
        Objects.requireNonNull(timeout, "timeout");
        return sync.tryAcquireSharedNanos(0, toNanosSaturated(timeout));
    }

    /** @return whether a signal is available, without consuming it ({@code completion_done}) */
    public boolean isDone() {
        return sync.signals() != 0;
    }

    @Override
    public String toString() {
        int signals = sync.signals();
        return "Completion@" + Integer.toHexString(System.identityHashCode(this)) + "["
                + (signals == Sync.DONE_FOR_GOOD ? "done for good" : "signals=" + signals) + "]";
    }

    static long toNanosSaturated(Duration duration) {
        try {
            return duration.toNanos();
        } catch (ArithmeticException tooLong) {
            return duration.isNegative() ? Long.MIN_VALUE : Long.MAX_VALUE;
        }
    }

    /** AQS state: the number of signals available; {@link #DONE_FOR_GOOD} (the kernel's {@code UINT_MAX}) after completeAll. */
    private static final class Sync extends AbstractQueuedSynchronizer {
        private static final long serialVersionUID = 1L;
        static final int DONE_FOR_GOOD = Integer.MAX_VALUE;
        static final int ONE = 0;
        static final int ALL = 1;

        int signals() {
            return getState();
        }

        @Override
        protected int tryAcquireShared(int unused) {
            for (;;) {
                int signals = getState();
                if (signals == 0) {
                    return -1;
                }
                if (signals == DONE_FOR_GOOD) {
                    return 1;
                }
                if (compareAndSetState(signals, signals - 1)) {
                    // Positive: further waiters may find signals left; zero: this was the last one.
                    return signals - 1;
                }
            }
        }

        @Override
        protected boolean tryReleaseShared(int kind) {
            for (;;) {
                int signals = getState();
                int next = kind == ALL || signals >= DONE_FOR_GOOD - 1 ? DONE_FOR_GOOD : signals + 1;
                if (signals == next || compareAndSetState(signals, next)) {
                    return true;
                }
            }
        }
    }
}
