package org.devcd.testkit;

import java.lang.management.ManagementFactory;
import java.lang.ref.WeakReference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import javax.management.ObjectName;

import org.osgi.annotation.versioning.ProviderType;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.wiring.BundleWiring;
import org.osgi.framework.wiring.FrameworkWiring;

/** Assertions that a bundle unloads: after uninstall and refresh its class loader becomes unreachable. */
@ProviderType
public final class Unloading {
    private static final Duration BOUND = Duration.ofSeconds(10);

    private Unloading() {
    }

    /**
     * Uninstalls {@code bundle}, refreshes the framework, and waits (bounded GC loop) until its class loader is
     * unreachable.
     *
     * @return how many GC rounds it took
     * @throws AssertionError if the loader stays reachable; the message names a heap dump of what holds it
     */
    public static int assertUnloadsCleanly(BundleContext context, Bundle bundle)
            throws BundleException, InterruptedException {
        BundleWiring wiring = bundle.adapt(BundleWiring.class);
        if (wiring == null) {
            throw new IllegalStateException(bundle.getSymbolicName() + " is not resolved; nothing to unload");
        }
        WeakReference<ClassLoader> loader = new WeakReference<>(wiring.getClassLoader());
        String name = bundle.getSymbolicName();
        wiring = null;
        bundle.uninstall();
        refresh(context, bundle);
        return awaitCollected(loader, name);
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
     * Runs GC rounds 50 ms apart until {@code loader} is cleared, at most 10 s.
     *
     * @return how many rounds it took
     * @throws AssertionError naming the heap dump written for the analysis, if the loader stayed reachable
     */
    public static int awaitCollected(WeakReference<ClassLoader> loader, String what) throws InterruptedException {
        long deadline = System.nanoTime() + BOUND.toNanos();
        int rounds = 0;
        while (loader.get() != null) {
            if (System.nanoTime() - deadline > 0) {
                Path dump = Path.of(System.getProperty("java.io.tmpdir"), "devcd-leak-" + what + ".hprof");
                throw new AssertionError("the class loader of " + what + " is still reachable after " + rounds
                        + " GC rounds; what holds it is in the heap dump " + writeHeapDump(dump));
            }
            rounds++;
            System.gc();
            if (loader.get() != null) {
                // A polling interval, not a handshake: reference processing runs on its own thread after each GC.
                Thread.sleep(50);
            }
        }
        return rounds;
    }

    private static String writeHeapDump(Path dump) {
        try {
            Files.deleteIfExists(dump);
            // Through JMX by name: com.sun.management is not exported to bundles.
            ManagementFactory.getPlatformMBeanServer().invoke(new ObjectName("com.sun.management:type=HotSpotDiagnostic"),
                    "dumpHeap", new Object[] {dump.toString(), Boolean.TRUE},
                    new String[] {String.class.getName(), boolean.class.getName()});
            return dump.toString();
        } catch (Exception e) {
            return "(none: " + e + ")";
        }
    }
}
