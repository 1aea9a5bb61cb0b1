package org.devcd.release.debug;

import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

import org.devcd.release.Completion;
import org.devcd.release.RefCount;
import org.devcd.release.internal.PreemptionPoint;
import org.osgi.annotation.versioning.ProviderType;

/**
 * A debug preemption point right after a {@link Completion} was signalled: the moment of the dm-builtin race, step 7
 * ("a reschedule happens before dm_kobject_release returns"). A test switch, in the spirit of the kernel's
 * {@code CONFIG_DEBUG_KOBJECT_RELEASE}: chosen by whoever starts the JVM, never part of the API a driver links against
 * ({@code org.devcd.release} does not mention it).
 *
 * <p>Opt-in: arming needs the system property {@value #PROPERTY}{@code =true}, set on the command line or by a launcher
 * before the framework starts. The property is read once, when this class is initialized (in OSGi: its first use in the
 * core bundle's class loader); setting it afterwards changes nothing, as for a boot option. Without it every arming
 * method throws {@link IllegalStateException} and the point stays disarmed; {@link #off()} and {@link #isArmed()} work
 * either way.
 *
 * <p>Two modes, both off by default; while disarmed the point costs one volatile read in {@link Completion#complete()}
 * and nothing in {@link RefCount}'s retain/release.
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
    /** The system property that lets release debugging be armed in this JVM when it is {@code true}. */
    public static final String PROPERTY = "devcd.release.debug";

    private static final System.Logger LOG = System.getLogger(ReleaseDebug.class.getName());
    private static final boolean ENABLED = Boolean.getBoolean(PROPERTY);

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
     * @throws IllegalStateException if the JVM was not started with {@code -Ddevcd.release.debug=true}, or another
     *     mode is armed
     */
    public static Preemption holdAfterComplete(Completion completion, Duration maxHold) {
        requireEnabled();
        Objects.requireNonNull(completion, "completion");
        requirePositive("maxHold", maxHold);
        return armed(new Preemption(completion, null, maxHold));
    }

    /**
     * Arms a hold of the first completion that {@code signaller} signals after this call, whichever completion it is: for
     * a test that knows the foreign thread that will drop the last reference, but not the object's completion.
     *
     * @param signaller the thread to hold
     * @param maxHold the longest the thread is held, > 0
     * @return the armed hold; close it to disarm
     * @throws IllegalStateException if the JVM was not started with {@code -Ddevcd.release.debug=true}, or another
     *     mode is armed
     */
    public static Preemption holdAfterComplete(Thread signaller, Duration maxHold) {
        requireEnabled();
        Objects.requireNonNull(signaller, "signaller");
        requirePositive("maxHold", maxHold);
        return armed(new Preemption(null, signaller, maxHold));
    }

    /**
     * Arms {@code CONFIG_DEBUG_KOBJECT_RELEASE}: every thread that signals any completion sleeps a random time between
     * {@code min} and {@code max} right after the signal. {@link #off()} disarms it.
     *
     * @param min the shortest delay, >= 0
     * @param max the longest delay, >= min
     * @throws IllegalStateException if the JVM was not started with {@code -Ddevcd.release.debug=true}, or another
     *     mode is armed
     */
    public static void delayAfterComplete(Duration min, Duration max) {
        requireEnabled();
        Objects.requireNonNull(min, "min");
        Objects.requireNonNull(max, "max");
        if (min.isNegative() || max.compareTo(min) < 0) {
            throw new IllegalArgumentException("delay: " + min + ".." + max + " (expected: 0 <= min <= max)");
        }
        arm(new RandomDelay(min.toNanos(), max.toNanos()));
    }

    /** Disarms whatever mode is armed; a held thread is resumed. Works with or without the opt-in. */
    public static void off() {
        if (PreemptionPoint.disarm() instanceof Preemption.Point point) {
            point.hold().resume();
        }
    }

    /** @return whether a mode is armed */
    public static boolean isArmed() {
        return PreemptionPoint.isArmed();
    }

    private static void requireEnabled() {
        if (!ENABLED) {
            throw new IllegalStateException("ReleaseDebug is off: start the JVM with -D" + PROPERTY + "=true to arm "
                    + "preemption points (tests and the demonstration only)");
        }
    }

    private static Preemption armed(Preemption hold) {
        arm(hold.point);
        return hold;
    }

    private static void arm(PreemptionPoint.Preempter mode) {
        PreemptionPoint.Preempter armed = PreemptionPoint.arm(mode);
        if (armed != null) {
            throw new IllegalStateException("release debugging is already armed: " + armed);
        }
    }

    private static void requirePositive(String name, Duration value) {
        Objects.requireNonNull(value, name);
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + ": " + value + " (expected: > 0)");
        }
    }

    private static long toNanosSaturated(Duration duration) {
        try {
            return duration.toNanos();
        } catch (ArithmeticException tooLong) {
            return duration.isNegative() ? Long.MIN_VALUE : Long.MAX_VALUE;
        }
    }

    private record RandomDelay(long minNanos, long maxNanos) implements PreemptionPoint.Preempter {
        @Override
        public void preempt(Completion signalled) {
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
    public static final class Preemption implements AutoCloseable {
        /** What the preemption point calls; private, so the API never shows the internal interface. */
        private final Point point = new Point();
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

        /** At the preemption point, in the signalling thread: holds it if it is the one this hold waits for. */
        private void hold(Completion signalled) {
            Thread current = Thread.currentThread();
            if ((target != null && signalled != target) || (signaller != null && current != signaller)
                    || !held.compareAndSet(null, current)) {
                return;
            }
            arrived.countDown();
            boolean interrupted = false;
            long deadline = System.nanoTime() + toNanosSaturated(maxHold);
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
            if (!arrived.await(toNanosSaturated(timeout), TimeUnit.NANOSECONDS)) {
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
            PreemptionPoint.disarm(point);
        }

        /** This hold as the preemption point sees it. */
        private final class Point implements PreemptionPoint.Preempter {
            @Override
            public void preempt(Completion signalled) {
                Preemption.this.hold(signalled);
            }

            Preemption hold() {
                return Preemption.this;
            }

            @Override
            public String toString() {
                return Preemption.this.toString();
            }
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
