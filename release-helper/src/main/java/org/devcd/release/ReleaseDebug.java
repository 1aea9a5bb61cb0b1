package org.devcd.release;

import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

import org.osgi.annotation.versioning.ProviderType;

/**
 * A debug preemption point right after a {@link Completion} was signalled: the moment of the dm-builtin race, step 7
 * ("a reschedule happens before dm_kobject_release returns").
 *
 * <p>Two modes, both off by default; with debugging off the point costs one volatile read in
 * {@link Completion#complete()} and nothing in {@link RefCount}'s retain/release.
 * <ul>
 *   <li>{@link #holdAfterComplete(Completion, Duration)}: the next thread that signals one given completion parks right
 *       after the signal until the test {@linkplain Preemption#resume() resumes} it, so a test can uninstall a bundle while
 *       the releasing thread is still inside the release method, deterministically.</li>
 *   <li>{@link #delayAfterComplete(Duration, Duration)}: every signalling thread sleeps a random time at the point, as
 *       {@code CONFIG_DEBUG_KOBJECT_RELEASE} delays every kobject release by 1 to 4 seconds.</li>
 * </ul>
 * One mode is armed at a time, for the whole framework (this class is the core bundle's, shared by every bundle).
 *
 * <p>Thread-safety: all methods may be called from any thread.
 */
@ProviderType
public final class ReleaseDebug {
    private static final System.Logger LOG = System.getLogger(ReleaseDebug.class.getName());
    private static final AtomicReference<Mode> MODE = new AtomicReference<>();

    private ReleaseDebug() {
    }

    /**
     * Arms a hold: the first thread that signals {@code completion} after this call parks right after the signal until
     * {@link Preemption#resume()} or {@link Preemption#close()}, or until {@code maxHold} passed (then it goes on and the
     * expiry is logged at WARNING, so a broken test cannot hang a thread forever). Other completions pass.
     *
     * @param completion the completion whose signaller is held
     * @param maxHold the longest the thread is held, > 0
     * @return the armed hold; close it to disarm
     * @throws IllegalStateException if another mode is armed
     */
    public static Preemption holdAfterComplete(Completion completion, Duration maxHold) {
        Objects.requireNonNull(completion, "completion");
        requirePositive("maxHold", maxHold);
        Preemption hold = new Preemption(completion, null, maxHold);
        arm(hold);
        return hold;
    }

    /**
     * Arms a hold of the first completion that {@code signaller} signals after this call, whichever completion it is: for
     * a test that knows the foreign thread that will drop the last reference, but not the object's completion.
     *
     * @param signaller the thread to hold
     * @param maxHold the longest the thread is held, > 0
     * @return the armed hold; close it to disarm
     * @throws IllegalStateException if another mode is armed
     */
    public static Preemption holdAfterComplete(Thread signaller, Duration maxHold) {
        Objects.requireNonNull(signaller, "signaller");
        requirePositive("maxHold", maxHold);
        Preemption hold = new Preemption(null, signaller, maxHold);
        arm(hold);
        return hold;
    }

    /**
     * Arms {@code CONFIG_DEBUG_KOBJECT_RELEASE}: every thread that signals any completion sleeps a random time between
     * {@code min} and {@code max} right after the signal. {@link #off()} disarms it.
     *
     * @param min the shortest delay, >= 0
     * @param max the longest delay, >= min
     * @throws IllegalStateException if another mode is armed
     */
    public static void delayAfterComplete(Duration min, Duration max) {
        Objects.requireNonNull(min, "min");
        Objects.requireNonNull(max, "max");
        if (min.isNegative() || max.compareTo(min) < 0) {
            throw new IllegalArgumentException("delay: " + min + ".." + max + " (expected: 0 <= min <= max)");
        }
        arm(new RandomDelay(min.toNanos(), max.toNanos()));
    }

    /** Disarms whatever mode is armed; a held thread is resumed. */
    public static void off() {
        Mode mode = MODE.getAndSet(null);
        if (mode instanceof Preemption hold) {
            hold.resume();
        }
    }

    /** @return whether a mode is armed */
    public static boolean isArmed() {
        return MODE.get() != null;
    }

    static void afterComplete(Completion completion) {
        Mode mode = MODE.get();
        if (mode != null) {
            mode.preempt(completion);
        }
    }

    private static void arm(Mode mode) {
        if (!MODE.compareAndSet(null, mode)) {
            throw new IllegalStateException("release debugging is already armed: " + MODE.get());
        }
    }

    private static void requirePositive(String name, Duration value) {
        Objects.requireNonNull(value, name);
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + ": " + value + " (expected: > 0)");
        }
    }

    private sealed interface Mode permits Preemption, RandomDelay {
        void preempt(Completion completion);
    }

    private record RandomDelay(long minNanos, long maxNanos) implements Mode {
        @Override
        public void preempt(Completion completion) {
            long delay = minNanos == maxNanos ? minNanos : ThreadLocalRandom.current().nextLong(minNanos, maxNanos + 1);
            long deadline = System.nanoTime() + delay;
            for (long left = delay; left > 0; left = deadline - System.nanoTime()) {
                LockSupport.parkNanos(this, left);
            }
        }

        @Override
        public String toString() {
            return "delayAfterComplete(" + Duration.ofNanos(minNanos) + ".." + Duration.ofNanos(maxNanos) + ")";
        }
    }

    /**
     * An armed hold at the preemption point: which thread arrived, and the switch that lets it go on.
     *
     * <p>Memory consistency effects: actions of the held thread before it arrived happen-before the return of
     * {@link #awaitArrival(Duration)}; actions before {@link #resume()} happen-before the held thread goes on.
     */
    @ProviderType
    public static final class Preemption implements Mode, AutoCloseable {
        private final Completion target;
        private final Thread signaller;
        private final Duration maxHold;
        private final AtomicReference<Thread> held = new AtomicReference<>();
        // Latches, not Completions: the hold must not pass through its own preemption point.
        private final CountDownLatch arrived = new CountDownLatch(1);
        private final CountDownLatch resumed = new CountDownLatch(1);

        /** Holds the first signal of {@code target} (if not null) by {@code signaller} (if not null). */
        private Preemption(Completion target, Thread signaller, Duration maxHold) {
            this.target = target;
            this.signaller = signaller;
            this.maxHold = maxHold;
        }

        @Override
        public void preempt(Completion completion) {
            Thread current = Thread.currentThread();
            if ((target != null && completion != target) || (signaller != null && current != signaller)
                    || !held.compareAndSet(null, current)) {
                return;
            }
            arrived.countDown();
            boolean interrupted = false;
            long deadline = System.nanoTime() + Completion.toNanosSaturated(maxHold);
            for (;;) {
                try {
                    if (!resumed.await(deadline - System.nanoTime(), TimeUnit.NANOSECONDS)) {
                        LOG.log(Level.WARNING, "{0}: thread ''{1}'' was held for {2} and nobody resumed it; going on",
                                this, Thread.currentThread().getName(), maxHold);
                    }
                    break;
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }

        /**
         * Waits until a thread is held at the point.
         *
         * @param timeout how long to wait
         * @return the held thread
         * @throws TimeoutException if no thread arrived in time
         * @throws InterruptedException if interrupted while waiting
         */
        public Thread awaitArrival(Duration timeout) throws InterruptedException, TimeoutException {
            if (!arrived.await(Completion.toNanosSaturated(timeout), TimeUnit.NANOSECONDS)) {
                throw new TimeoutException("no thread signalled " + what() + " within " + timeout);
            }
            return held.get();
        }

        /** @return the held thread, or {@code null} while none arrived */
        public Thread heldThread() {
            return held.get();
        }

        /** Lets the held thread (or the one that will arrive) go on. Idempotent. */
        public void resume() {
            resumed.countDown();
        }

        /** Resumes the held thread and disarms this hold. */
        @Override
        public void close() {
            resume();
            MODE.compareAndSet(this, null);
        }

        private String what() {
            return target != null ? target.toString() : "a completion on '" + signaller.getName() + "'";
        }

        @Override
        public String toString() {
            Thread thread = held.get();
            return "holdAfterComplete(" + what() + ", " + (thread == null ? "waiting" : "holding '" + thread.getName()
                    + "'") + ")";
        }
    }
}
