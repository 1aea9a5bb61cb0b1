package org.devcd.testkit;

import java.lang.ref.WeakReference;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.devcd.leakdoctor.GcVerdict;
import org.devcd.leakdoctor.GcWitness;
import org.devcd.leakdoctor.LeakDoctor;
import org.devcd.leakdoctor.RevisionNames;
import org.osgi.annotation.versioning.ProviderType;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.wiring.BundleWiring;
import org.osgi.framework.wiring.FrameworkWiring;

/**
 * Assertions that a bundle unloads: after uninstall and refresh its class loader becomes unreachable. When it does not,
 * the failure says why: the leak doctor's diagnosis (live threads and registrations of the bundle, then the shortest
 * strong reference chain from a GC root to its class loader).
 */
@ProviderType
public final class Unloading {
    private static final Duration BOUND = Duration.ofSeconds(10);
    /** Full collections a loader must survive before it counts as leaked: the leak doctor's default. */
    private static final int COLLECTIONS = GcWitness.DEFAULT_COLLECTIONS;

    private Unloading() {
    }

    /**
     * Uninstalls {@code bundle}, refreshes the framework, and waits until its class loader is collected.
     *
     * @return how many full collections it took (1: the first one collected it)
     * @throws AssertionError if the loader survives {@value #COLLECTIONS} full collections; the message is the leak
     *     doctor's diagnosis
     */
    public static int assertUnloadsCleanly(BundleContext context, Bundle bundle)
            throws BundleException, InterruptedException {
        BundleWiring wiring = bundle.adapt(BundleWiring.class);
        if (wiring == null) {
            throw new IllegalStateException(bundle.getSymbolicName() + " is not resolved; nothing to unload");
        }
        WeakReference<ClassLoader> loader = new WeakReference<>(wiring.getClassLoader());
        String revision = RevisionNames.of(wiring.getRevision());
        wiring = null;
        bundle.uninstall();
        refresh(context, bundle);
        return awaitCollected(loader, revision);
    }

    /** Refreshes the framework's wirings of {@code bundle} and waits until the refresh finished, at most 10 s. */
    public static void refresh(BundleContext context, Bundle bundle) throws InterruptedException {
        CountDownLatch refreshed = new CountDownLatch(1);
        context.getBundle(0).adapt(FrameworkWiring.class).refreshBundles(List.of(bundle), event -> {
            if (event.getType() == FrameworkEvent.PACKAGES_REFRESHED) {
                refreshed.countDown();
            }
        });
        if (!refreshed.await(BOUND.toSeconds(), TimeUnit.SECONDS)) {
            throw new AssertionError("the refresh of " + bundle.getSymbolicName() + " did not finish within " + BOUND);
        }
    }

    /**
     * Runs full collections until {@code loader} is cleared, deciding "leaked" only once it survived
     * {@value #COLLECTIONS} of them, each witnessed (the leak doctor's {@link GcWitness}: no sleeps, no false "leaked"
     * on a slow machine), at most 10 s.
     *
     * @param what how the failure names the loader's owner, e.g. {@code org.acme.foo [42] rev 0}
     * @return how many full collections it took (1: the first one collected it)
     * @throws AssertionError if the loader stayed reachable; the message is the leak doctor's diagnosis of what holds
     *     it
     */
    public static int awaitCollected(WeakReference<ClassLoader> loader, String what) throws InterruptedException {
        GcVerdict verdict = GcWitness.await(loader, COLLECTIONS, BOUND);
        if (verdict.collected()) {
            return verdict.collectionsWitnessed() + 1;
        }
        Path dump = Path.of(System.getProperty("java.io.tmpdir"), "devcd-leak-" + System.nanoTime() + ".hprof");
        throw new AssertionError("the class loader of " + what + " is still reachable (" + verdict + ").\n"
                + LeakDoctor.diagnose(loader, what, dump).render());
    }
}
