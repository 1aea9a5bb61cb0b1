package org.devcd.testkit.race;

import java.lang.ref.WeakReference;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

import org.devcd.release.SharedObject;
import org.devcd.release.debug.ReleaseDebug;
import org.osgi.annotation.versioning.ConsumerType;
import org.osgi.annotation.versioning.ProviderType;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.wiring.BundleWiring;
import org.osgi.framework.wiring.FrameworkWiring;

/**
 * The ten steps of {@code dm-builtin.c} (numbered as in {@code docs/kernel-lessons.md#dm-builtin}), played once on a
 * driver bundle in a running framework. A thread of another bundle holds the last reference to the driver's shared
 * object; the driver stops and waits; the holder drops the reference and is held right after {@code complete()}, inside
 * the release method; the driver finishes stopping, is uninstalled and the framework refreshed; the holder resumes.
 *
 * <pre>
 *   driver's side ("driver-stop", then the caller)      holder's side ("foreign-holder")
 *                                                       1. tryGet()
 *   2. Bundle.stop()
 *   3. put() its own reference
 *   4. waits for the completion
 *                                                       5. put(): the last one; the release runs here
 *                                                       6. complete()
 *                                                       7. held before the release method returns
 *   8. woken: stop() returns, RESOLVED
 *   9. uninstall(), refresh: the wiring is disposed
 *                                                       10. resumes: returns into whichever release method it was in
 * </pre>
 *
 * <p>Every hand-off is a latch or a join with a 10 s bound whose result is checked: a step that does not happen fails
 * with an {@link AssertionError} naming the step, so a broken choreography is never mistaken for an outcome. The one
 * thing this class does not judge is what step 10 meets: that is the {@link Outcome}, for the caller to assert.
 *
 * <p>Step 7 needs {@link ReleaseDebug}'s hold, so the JVM must run with {@code -Ddevcd.release.debug=true}. The driver
 * must share its object as a {@link SharedObject} service with the property {@code kobject.name}.
 *
 * <p>Thread-safety: {@link #play} may run once at a time per JVM (it arms the JVM-wide preemption point). The
 * {@link Narrator} is called from the caller's thread and from the holder's thread, one step at a time and in step
 * order: each call happens-before the next, through the same hand-offs.
 */
@ProviderType
public final class DmBuiltinRace {
    /** The name of the thread of "another bundle" that holds the last reference (steps 1, 5-7 and 10). */
    public static final String HOLDER_THREAD = "foreign-holder";
    /** The name of the thread that calls {@code Bundle.stop()} on the driver (steps 2-4 and 8). */
    public static final String STOP_THREAD = "driver-stop";
    /** How long each step may take. */
    public static final Duration BOUND = Duration.ofSeconds(10);

    private DmBuiltinRace() {
    }

    /** Who did a step: the driver's side (its stop, then its uninstall) or the holder of the foreign reference. */
    public enum Side {
        /** Steps 2-4, 8 and 9: the driver is stopped, waits, returns, and is uninstalled. */
        DRIVER,
        /** Steps 1, 5-7 and 10: another bundle's thread takes, then drops, the last reference. */
        HOLDER
    }

    /** Told each step as it happens, for a timeline; see the class javadoc for the threads that call it. */
    @ConsumerType
    @FunctionalInterface
    public interface Narrator {
        /** Does nothing. */
        Narrator SILENT = (side, step) -> { };

        /**
         * @param side who did the step
         * @param step the step's number and what happened, such as {@code "2. stop org.devcd.driver.sample"}
         */
        void step(Side side, String step);
    }

    /**
     * What the holder met when it resumed (step 10), and the driver's old class loader, to check it is collected.
     *
     * @param failure what the holder's {@code put()} threw, or null if it returned normally
     * @param driverLoader the class loader the driver had before step 9
     */
    public record Outcome(Throwable failure, WeakReference<ClassLoader> driverLoader) {
    }

    /**
     * Plays the ten steps once on the active driver {@code symbolicName}, whose shared object is {@code objectName}.
     * The driver ends uninstalled.
     *
     * @param context a bundle context of the caller ("another bundle")
     * @param symbolicName the driver bundle, installed once and active
     * @param objectName the {@code kobject.name} of the object the driver shares
     * @param narrator told each step
     * @return what the holder met at step 10
     * @throws AssertionError if a step did not happen within {@link #BOUND}, or not as the choreography needs
     * @throws IllegalStateException if the JVM did not opt into release debugging
     */
    public static Outcome play(BundleContext context, String symbolicName, String objectName, Narrator narrator)
            throws InterruptedException, BundleException {
        Bundle driver = activeDriver(context, symbolicName);
        WeakReference<ClassLoader> driverLoader =
                new WeakReference<>(driver.adapt(BundleWiring.class).getClassLoader());
        ServiceReference<SharedObject> reference = sharedObject(context, objectName);

        Holder holder = new Holder(context, reference, objectName, narrator);
        Thread holderThread = new Thread(holder, HOLDER_THREAD);
        holderThread.start();
        if (!holder.holding.await(BOUND.toNanos(), TimeUnit.NANOSECONDS)) {
            throw new AssertionError("step 1: " + HOLDER_THREAD + " took no reference within " + BOUND);
        }
        holder.rethrowIfBroken();

        Thread stopper;
        AtomicReference<Throwable> stopFailure = new AtomicReference<>();
        try (ReleaseDebug.Preemption preemption = ReleaseDebug.holdAfterComplete(holderThread, BOUND.multipliedBy(6))) {
            narrator.step(Side.DRIVER, "2. stop " + symbolicName);
            stopper = new Thread(() -> {
                try {
                    driver.stop();
                } catch (Throwable t) {
                    stopFailure.set(t);
                }
            }, STOP_THREAD);
            stopper.start();
            awaitWaiting(stopper, "step 4: the driver's stop never waited for the completion");
            narrator.step(Side.DRIVER, "3-4. put(own reference), then waits for the completion");

            holder.dropIt.countDown(); // step 5
            Thread held;
            try {
                held = preemption.awaitArrival(BOUND); // steps 6-7: complete() ran, then "a reschedule"
            } catch (TimeoutException e) {
                holder.rethrowIfBroken();
                throw new AssertionError("steps 6-7: " + HOLDER_THREAD + " never signalled the completion within "
                        + BOUND + (holder.failure.get() == null ? "" : "; its put() threw " + holder.failure.get()), e);
            }
            if (held != holderThread) {
                throw new AssertionError("steps 6-7: expected " + HOLDER_THREAD + " to be held, got " + held);
            }
            narrator.step(Side.HOLDER, "6-7. complete() signalled; preempted before the release method returns");

            stopper.join(BOUND.toMillis()); // step 8: the completion wakes the stop, which returns
            if (stopper.isAlive()) {
                throw new AssertionError("step 8: the driver's stop did not return within " + BOUND + " ("
                        + stopper.getState() + ")");
            }
            if (stopFailure.get() != null) {
                throw new AssertionError("step 8: the driver's stop threw " + stopFailure.get(), stopFailure.get());
            }
            if (driver.getState() != Bundle.RESOLVED) {
                throw new AssertionError("step 8: expected " + symbolicName + " RESOLVED after its stop, got state "
                        + driver.getState());
            }
            narrator.step(Side.DRIVER, "8. the completion came: stop returned (RESOLVED)");

            driver.uninstall(); // step 9
            refresh(context, driver);
            narrator.step(Side.DRIVER, "9. uninstalled, framework refreshed: the driver's class loader is disposed");

            preemption.resume(); // step 10: the holder runs on
            holderThread.join(BOUND.toMillis());
            if (holderThread.isAlive()) {
                throw new AssertionError("step 10: " + HOLDER_THREAD + " is still running " + BOUND
                        + " after it was resumed (" + holderThread.getState() + ")");
            }
        }
        Throwable met = holder.failure.get();
        narrator.step(Side.HOLDER, met == null ? "10. resumes: only core code was left on its stack; put() returns"
                : "10. resumes inside the driver's release method: " + met);
        return new Outcome(met, driverLoader);
    }

    /**
     * The holder's side (steps 1, 5 and 10), on {@link #HOLDER_THREAD}. A choreography failure of steps 1-5 is kept in
     * {@code broken}; what {@code put()} throws is the outcome, kept in {@code failure}.
     */
    private static final class Holder implements Runnable {
        final CountDownLatch holding = new CountDownLatch(1);
        final CountDownLatch dropIt = new CountDownLatch(1);
        final AtomicReference<Throwable> broken = new AtomicReference<>();
        final AtomicReference<Throwable> failure = new AtomicReference<>();
        private final BundleContext context;
        private final ServiceReference<SharedObject> reference;
        private final String objectName;
        private final Narrator narrator;

        Holder(BundleContext context, ServiceReference<SharedObject> reference, String objectName, Narrator narrator) {
            this.context = context;
            this.reference = reference;
            this.objectName = objectName;
            this.narrator = narrator;
        }

        @Override
        public void run() {
            SharedObject object;
            try {
                object = context.getService(reference);
                if (object == null) {
                    throw new AssertionError("step 1: the service of " + objectName + " is gone");
                }
                boolean got = object.tryGet(); // step 1: another bundle takes a reference
                context.ungetService(reference);
                if (!got) {
                    throw new AssertionError("step 1: tryGet() on " + objectName + " was refused");
                }
                narrator.step(Side.HOLDER, "1. tryGet(" + objectName + "): holds a reference");
            } catch (Throwable t) {
                broken.set(t);
                return;
            } finally {
                holding.countDown();
            }
            try {
                if (!dropIt.await(BOUND.toNanos(), TimeUnit.NANOSECONDS)) {
                    // The caller has failed already; the reference stays held, the driver's stop is never released.
                    broken.set(new AssertionError("step 5: never told to drop the reference within " + BOUND));
                    return;
                }
            } catch (InterruptedException e) {
                broken.set(e);
                return;
            }
            narrator.step(Side.HOLDER, "5. put(): the last reference; the release runs on this thread");
            try {
                object.put(); // step 5: the last reference; the release runs here, and step 10 returns here
            } catch (Throwable t) {
                failure.set(t);
            }
        }

        /** Fails the caller with what went wrong on the holder's side in steps 1-5, if anything did. */
        void rethrowIfBroken() {
            Throwable t = broken.get();
            if (t instanceof AssertionError e) {
                throw e;
            }
            if (t != null) {
                throw new AssertionError(HOLDER_THREAD + " broke before step 5: " + t, t);
            }
        }
    }

    private static Bundle activeDriver(BundleContext context, String symbolicName) {
        Bundle found = null;
        for (Bundle bundle : context.getBundles()) {
            if (symbolicName.equals(bundle.getSymbolicName())) {
                if (found != null) {
                    throw new AssertionError(symbolicName + " is installed twice: " + found + " and " + bundle);
                }
                found = bundle;
            }
        }
        if (found == null || found.getState() != Bundle.ACTIVE) {
            throw new AssertionError("expected " + symbolicName + " ACTIVE, got "
                    + (found == null ? "not installed" : "state " + found.getState()));
        }
        return found;
    }

    private static ServiceReference<SharedObject> sharedObject(BundleContext context, String objectName) {
        Collection<ServiceReference<SharedObject>> found;
        try {
            found = context.getServiceReferences(SharedObject.class, "(kobject.name=" + objectName + ")");
        } catch (InvalidSyntaxException e) {
            throw new IllegalArgumentException("objectName: " + objectName + " (expected: a plain name)", e);
        }
        if (found.size() != 1) {
            throw new AssertionError("expected 1 SharedObject service named " + objectName + ", got " + found.size());
        }
        return found.iterator().next();
    }

    /** Refreshes the framework's wirings of {@code bundle} and waits until the refresh finished. */
    private static void refresh(BundleContext context, Bundle bundle) throws InterruptedException {
        CountDownLatch refreshed = new CountDownLatch(1);
        context.getBundle(0).adapt(FrameworkWiring.class).refreshBundles(List.of(bundle), event -> {
            if (event.getType() == FrameworkEvent.PACKAGES_REFRESHED) {
                refreshed.countDown();
            }
        });
        if (!refreshed.await(BOUND.toNanos(), TimeUnit.NANOSECONDS)) {
            throw new AssertionError("step 9: the refresh of " + bundle.getSymbolicName() + " did not finish within "
                    + BOUND);
        }
    }

    /**
     * Waits until {@code thread} is parked (the driver's stop waits on its completion). A state poll, not a hand-off:
     * the thread that waits is inside the driver's stop, which has no hook to count down a latch of ours.
     */
    private static void awaitWaiting(Thread thread, String failure) {
        long deadline = System.nanoTime() + BOUND.toNanos();
        while (thread.getState() != Thread.State.TIMED_WAITING && thread.getState() != Thread.State.WAITING) {
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError(failure + " within " + BOUND + " (" + thread.getState() + ")");
            }
            Thread.onSpinWait();
        }
    }
}
