package org.devcd.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;

import java.lang.ref.WeakReference;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import javax.inject.Inject;

import org.devcd.release.SharedObject;
import org.devcd.release.debug.ReleaseDebug;
import org.devcd.testkit.StaleCode;
import org.devcd.testkit.StaleCodeReport;
import org.devcd.testkit.Unloading;
import org.junit.After;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerMethod;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.wiring.BundleWiring;

/**
 * The ten steps of {@code dm-builtin.c} (numbered as in {@code docs/kernel-lessons.md#dm-builtin}), deterministic, in a
 * real Felix, once per driver variant. A foreign thread holds the last reference; the driver stops and waits; the
 * foreign thread releases and is held right after {@code complete()}; the driver finishes stopping, is uninstalled and
 * the framework refreshed; the foreign thread resumes.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerMethod.class)
public class DmBuiltinRaceIT {
    private static final Duration BOUND = Duration.ofSeconds(10);

    @Inject
    private BundleContext context;

    @Configuration
    public Option[] config() {
        // The opt-in of release debugging, set before the framework starts: this test alone arms a preemption point.
        return new Option[] {DevcdOptions.coreAndBothDrivers(), systemProperty(ReleaseDebug.PROPERTY).value("true")};
    }

    @After
    public void disarm() {
        ReleaseDebug.off();
    }

    /** Naive: the resumed thread returns into the uninstalled driver and fails exactly as Felix fails dead wirings. */
    @Test
    public void naiveDriverFailsAsTheKernelCommentPredicts() throws Exception {
        Throwable failure = playTheTenSteps("org.devcd.driver.naive", "naive0").failure;

        assertTrue("expected NoClassDefFoundError, got " + failure, failure instanceof NoClassDefFoundError);
        assertEquals("org/devcd/driver/naive/ReleaseLog", failure.getMessage());
        assertTrue(String.valueOf(failure.getCause()), failure.getCause() instanceof ClassNotFoundException);
        assertEquals("Unable to load class 'org.devcd.driver.naive.ReleaseLog' because the bundle wiring for "
                + "org.devcd.driver.naive is no longer valid.", failure.getCause().getMessage());
    }

    /** The stale-code detector catches the naive driver by itself: the foreign thread returned into its release. */
    @Test
    public void detectorReportsTheNaiveDriver() throws Exception {
        playTheTenSteps("org.devcd.driver.naive", "naive0");

        List<StaleCodeReport> reports = StaleCode.reportsAbout("org.devcd.driver.naive");
        assertFalse("no report about the naive driver", reports.isEmpty());
        StaleCodeReport first = reports.get(0);
        assertEquals("foreign-holder", first.thread());
        assertEquals("org.devcd.driver.naive.NaiveObject.release", first.at());
        assertEquals(first.toString(), "UNINSTALLED", first.death()); // the driver was uninstalled, not refreshed
        assertEquals("thread 'foreign-holder' ran org.devcd.driver.naive.NaiveObject.release of "
                + "org.devcd.driver.naive [" + first.bundleId() + "] after it was UNINSTALLED", first.toString());
    }

    /** devcd: the resumed thread finishes in core code, and the driver's class loader is collected. */
    @Test
    public void devcdDriverUnloadsCleanly() throws Exception {
        Outcome outcome = playTheTenSteps("org.devcd.driver.sample", "sample0");

        assertNull("the foreign thread failed: " + outcome.failure, outcome.failure);
        StaleCode.assertNoneAbout("org.devcd.driver.sample");
        int rounds = Unloading.awaitCollected(outcome.driverLoader, "org.devcd.driver.sample");
        System.out.println("loader of org.devcd.driver.sample collected after " + rounds + " GC round(s)");
    }

    private Outcome playTheTenSteps(String symbolicName, String objectName) throws Exception {
        Bundle driver = Bundles.bySymbolicName(context, symbolicName);
        WeakReference<ClassLoader> driverLoader =
                new WeakReference<>(driver.adapt(BundleWiring.class).getClassLoader());
        Collection<ServiceReference<SharedObject>> found =
                context.getServiceReferences(SharedObject.class, "(kobject.name=" + objectName + ")");
        assertEquals(1, found.size());
        ServiceReference<SharedObject> reference = found.iterator().next();

        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch dropIt = new CountDownLatch(1);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread foreign = new Thread(() -> {
            try {
                SharedObject object = context.getService(reference);
                boolean got = object.tryGet(); // step 1: another process takes a reference
                context.ungetService(reference);
                holding.countDown();
                if (got) {
                    dropIt.await();
                    object.put(); // step 5: it drops the last reference; the release runs here
                }
            } catch (Throwable t) {
                failure.set(t);
            }
        }, "foreign-holder");
        foreign.start();
        assertTrue(holding.await(BOUND.toSeconds(), TimeUnit.SECONDS));

        try (ReleaseDebug.Preemption preemption = ReleaseDebug.holdAfterComplete(foreign, Duration.ofSeconds(60))) {
            // Steps 2-4: the driver is asked to stop; it drops its reference and waits for the completion.
            AtomicReference<Throwable> stopFailure = new AtomicReference<>();
            Thread stopper = new Thread(() -> {
                try {
                    driver.stop();
                } catch (Throwable t) {
                    stopFailure.set(t);
                }
            }, "driver-stop");
            stopper.start();
            awaitParked(stopper);

            dropIt.countDown(); // step 5
            assertEquals(foreign, preemption.awaitArrival(BOUND)); // steps 6-7: complete() ran, then "a reschedule"

            stopper.join(BOUND.toMillis()); // step 8: the stop returns
            assertEquals(Bundle.RESOLVED, driver.getState());
            assertNull(stopFailure.get());
            driver.uninstall(); // step 9
            Unloading.refresh(context, driver);

            preemption.resume(); // step 10: the foreign thread runs on
            foreign.join(BOUND.toMillis());
            assertTrue("the foreign thread is still running", !foreign.isAlive());
        }
        return new Outcome(failure.get(), driverLoader);
    }

    /** Waits until {@code thread} is parked (the driver's stop waits on its completion), failing after 10 s. */
    private static void awaitParked(Thread thread) {
        long deadline = System.nanoTime() + BOUND.toNanos();
        while (thread.getState() != Thread.State.TIMED_WAITING && thread.getState() != Thread.State.WAITING) {
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError(thread.getName() + " never waited: " + thread.getState());
            }
            Thread.onSpinWait();
        }
    }

    private static final class Outcome {
        final Throwable failure;
        final WeakReference<ClassLoader> driverLoader;

        Outcome(Throwable failure, WeakReference<ClassLoader> driverLoader) {
            this.failure = failure;
            this.driverLoader = driverLoader;
        }
    }
}
