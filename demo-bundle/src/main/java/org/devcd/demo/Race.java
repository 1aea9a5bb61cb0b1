package org.devcd.demo;

import java.io.PrintStream;
import java.lang.ref.WeakReference;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.devcd.release.SharedObject;
import org.devcd.release.debug.ReleaseDebug;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.wiring.BundleWiring;
import org.osgi.framework.wiring.FrameworkWiring;

/**
 * The ten steps of {@code dm-builtin.c} (numbered as in {@code docs/kernel-lessons.md#dm-builtin}), played on one
 * driver: a foreign thread holds the last reference, the driver stops and waits, the foreign release is held right
 * after {@code complete()} while the driver is uninstalled and the framework refreshed, then it resumes. The hold is
 * {@link ReleaseDebug}'s, so the JVM must have opted in with {@code -Ddevcd.release.debug=true}: the launcher does so
 * for the demonstration only.
 */
final class Race {
    private static final Duration BOUND = Duration.ofSeconds(10);

    private final BundleContext context;

    Race(BundleContext context) {
        this.context = context;
    }

    /** The outcome: what the resumed foreign thread met, and the driver's class loader. */
    record Outcome(Throwable failure, WeakReference<ClassLoader> driverLoader) {
    }

    Outcome play(String symbolicName, String objectName, PrintStream out) throws Exception {
        Timeline timeline = new Timeline("driver " + symbolicName, "foreign holder (another bundle's thread)");
        Bundle driver = find(symbolicName);
        WeakReference<ClassLoader> loader = new WeakReference<>(driver.adapt(BundleWiring.class).getClassLoader());
        Collection<ServiceReference<SharedObject>> found =
                context.getServiceReferences(SharedObject.class, "(kobject.name=" + objectName + ")");
        ServiceReference<SharedObject> reference = found.iterator().next();

        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch dropIt = new CountDownLatch(1);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread foreign = new Thread(() -> {
            try {
                SharedObject object = context.getService(reference);
                boolean got = object.tryGet();
                context.ungetService(reference);
                timeline.right("1. tryGet(" + objectName + "): " + (got ? "holds a reference" : "refused"));
                holding.countDown();
                dropIt.await();
                timeline.right("5. put(): the last reference; the release runs on this thread");
                object.put();
            } catch (Throwable t) {
                failure.set(t);
            }
        }, "foreign-holder");
        foreign.start();
        holding.await(BOUND.toSeconds(), TimeUnit.SECONDS);

        try (ReleaseDebug.Preemption preemption = ReleaseDebug.holdAfterComplete(foreign, Duration.ofSeconds(60))) {
            timeline.left("2. stop " + symbolicName);
            Thread stopper = new Thread(() -> {
                try {
                    driver.stop();
                } catch (Exception e) {
                    failure.compareAndSet(null, e);
                }
            }, "driver-stop");
            stopper.start();
            awaitParked(stopper);
            timeline.left("3-4. put(own reference), then waits for the completion");

            dropIt.countDown();
            preemption.awaitArrival(BOUND);
            timeline.right("6-7. complete() signalled; preempted before the release method returns");
            stopper.join(BOUND.toMillis());
            timeline.left("8. the completion came: stop returned (" + state(driver) + ")");
            driver.uninstall();
            refresh(driver);
            timeline.left("9. uninstalled, framework refreshed: the driver's class loader is disposed");
            preemption.resume();
            foreign.join(BOUND.toMillis());
        }
        Throwable met = failure.get();
        timeline.right(met == null ? "10. resumes: only core code was left on its stack; put() returns"
                : "10. resumes inside the driver's release method: " + met);
        timeline.print(out);
        return new Outcome(met, loader);
    }

    /** Runs GC rounds 50 ms apart until {@code loader} is cleared, at most 10 s; returns the rounds, or -1. */
    static int collect(WeakReference<ClassLoader> loader) throws InterruptedException {
        for (int round = 1; round <= 200; round++) {
            System.gc();
            if (loader.get() == null) {
                return round;
            }
            Thread.sleep(50);
        }
        return -1;
    }

    private Bundle find(String symbolicName) {
        for (Bundle bundle : context.getBundles()) {
            if (symbolicName.equals(bundle.getSymbolicName())) {
                return bundle;
            }
        }
        throw new IllegalStateException(symbolicName + " is not installed");
    }

    private void refresh(Bundle bundle) throws InterruptedException {
        CountDownLatch refreshed = new CountDownLatch(1);
        context.getBundle(0).adapt(FrameworkWiring.class).refreshBundles(List.of(bundle), event -> {
            if (event.getType() == FrameworkEvent.PACKAGES_REFRESHED) {
                refreshed.countDown();
            }
        });
        refreshed.await(BOUND.toSeconds(), TimeUnit.SECONDS);
    }

    private static String state(Bundle bundle) {
        return bundle.getState() == Bundle.RESOLVED ? "RESOLVED" : "state " + bundle.getState();
    }

    private static void awaitParked(Thread thread) {
        long deadline = System.nanoTime() + BOUND.toNanos();
        while (thread.getState() != Thread.State.TIMED_WAITING && thread.getState() != Thread.State.WAITING
                && System.nanoTime() - deadline < 0) {
            Thread.onSpinWait();
        }
    }
}
