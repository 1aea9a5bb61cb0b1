package org.devcd.itests.leaks;

import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotSame;
import static org.junit.Assert.assertSame;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.streamBundle;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;

import java.io.IOException;
import java.io.InputStream;
import java.lang.ref.WeakReference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

import javax.inject.Inject;

import org.devcd.itests.DevcdOptions;
import org.devcd.testkit.Unloading;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.wiring.BundleWiring;

/**
 * The leak corpus leaks: each leaky bundle of {@link LeakKind}, started, stopped, uninstalled and refreshed, leaves its
 * class loader reachable, and undoing the one culprit the kind names frees it; the bundles that must unload do, also
 * over 300 install-to-refresh cycles. One framework for all tests: the host is long-lived, as in production.
 *
 * <p>A proven leak costs {@link Unloading#awaitCollected}'s full 10 s bound plus a heap dump, which is deleted
 * afterwards unless {@code -Ddevcd.leaks.keepHeapDumps=true}.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class LeakCorpusIT {
    private static final String CORPUS = "devcd.leaks.corpus";
    private static final int CYCLES = 300;

    @Inject
    private BundleContext context;

    @Configuration
    public Option[] config() throws IOException {
        Path corpus = CorpusBundles.writeAll(Path.of(System.getProperty("java.io.tmpdir"), "leak-corpus"));
        return new Option[] {DevcdOptions.core(), streamBundle(CorpusBundles.host()),
            systemProperty(CORPUS).value(corpus.toString())};
    }

    /** A thread the bundle started and never ended pins its loader. */
    @Test
    public void threadLeaks() throws Exception {
        assertLeaksUntilUndone(LeakKind.THREAD);
    }

    /** A host pool thread left with the bundle's context class loader pins it. */
    @Test
    public void contextLoaderLeaks() throws Exception {
        assertLeaksUntilUndone(LeakKind.CONTEXT_LOADER);
    }

    /** A thread-local value of the bundle's class on a host pool thread pins its loader. */
    @Test
    public void threadLocalLeaks() throws Exception {
        assertLeaksUntilUndone(LeakKind.THREAD_LOCAL);
    }

    /** A JDBC driver left registered in DriverManager pins its loader. */
    @Test
    public void jdbcDriverLeaks() throws Exception {
        assertLeaksUntilUndone(LeakKind.JDBC);
    }

    /** A shutdown hook left registered pins its loader. */
    @Test
    public void shutdownHookLeaks() throws Exception {
        assertLeaksUntilUndone(LeakKind.SHUTDOWN_HOOK);
    }

    /** A timer never cancelled pins its loader. */
    @Test
    public void timerLeaks() throws Exception {
        assertLeaksUntilUndone(LeakKind.TIMER);
    }

    /** An MBean left registered pins its loader. */
    @Test
    public void mbeanLeaks() throws Exception {
        assertLeaksUntilUndone(LeakKind.MBEAN);
    }

    /** A security provider left installed pins its loader. */
    @Test
    public void securityProviderLeaks() throws Exception {
        assertLeaksUntilUndone(LeakKind.SECURITY_PROVIDER);
    }

    /** A log handler left on a logger the host keeps pins its loader. */
    @Test
    public void logHandlerLeaks() throws Exception {
        assertLeaksUntilUndone(LeakKind.LOG_HANDLER);
    }

    /** A class of the bundle kept in the host's static cache pins its loader. */
    @Test
    public void staticCacheLeaks() throws Exception {
        assertLeaksUntilUndone(LeakKind.STATIC_CACHE);
    }

    /** A task left on the host's scheduler pins its loader. */
    @Test
    public void scheduledTaskLeaks() throws Exception {
        assertLeaksUntilUndone(LeakKind.SCHEDULED_TASK);
    }

    /** A service object the host's consumer cached pins its loader after the service is gone. */
    @Test
    public void cachedServiceLeaks() throws Exception {
        assertLeaksUntilUndone(LeakKind.CACHED_SERVICE);
    }

    /** A value the bundle's ClassValue computed for a JDK class pins its loader. */
    @Test
    public void classValueLeaks() throws Exception {
        assertLeaksUntilUndone(LeakKind.CLASS_VALUE);
    }

    /** A notification listener left on the memory MXBean pins its loader. */
    @Test
    public void notificationListenerLeaks() throws Exception {
        assertLeaksUntilUndone(LeakKind.NOTIFICATION_LISTENER);
    }

    /** A custom JUL level does not pin its loader (it did before Java 9). */
    @Test
    public void customLevelUnloads() throws Exception {
        assertUnloads(LeakKind.CUSTOM_LEVEL);
    }

    /** The clean bundle, which does every kind and undoes each in stop(), unloads. */
    @Test
    public void cleanBundleUnloads() throws Exception {
        assertUnloads(LeakKind.NONE);
    }

    /** 300 cycles of the clean bundle leave none of the 300 loaders reachable. */
    @Test
    public void cleanBundleChurnLeavesNoLoader() throws Exception {
        long started = System.nanoTime();
        List<WeakReference<ClassLoader>> loaders = new ArrayList<>(CYCLES);
        for (int cycle = 0; cycle < CYCLES; cycle++) {
            loaders.add(runAndUninstall(LeakKind.NONE, "leak-corpus:churn:" + cycle));
        }
        long cyclesMillis = millisSince(started);
        int rounds = 0;
        for (int cycle = 0; cycle < CYCLES; cycle++) {
            // The first call runs the GC loop; once it returns, the others find their loader cleared already.
            rounds = Math.max(rounds, Unloading.awaitCollected(loaders.get(cycle), "churn-" + cycle));
        }
        System.out.println("leak corpus: " + CYCLES + " cycles of " + LeakKind.NONE.symbolicName() + " in "
                + cyclesMillis + " ms, every loader collected within " + rounds + " GC round(s), "
                + millisSince(started) + " ms in all");
    }

    /** Proves the leak (the loader outlives 10 s of GC rounds), undoes its culprit, and proves the loader then goes. */
    private void assertLeaksUntilUndone(LeakKind kind) throws Exception {
        assertTrue(kind + " is not a leaking kind", kind.leaks());
        long started = System.nanoTime();
        WeakReference<ClassLoader> loader = runAndUninstall(kind, "leak-corpus:" + kind.kind());
        AssertionError leak = assertThrows(kind.symbolicName() + " unloaded: it does not leak", AssertionError.class,
                () -> Unloading.awaitCollected(loader, kind.symbolicName()));
        String verdict = leak.getMessage();
        assertTrue(verdict, verdict.contains(kind.symbolicName()));
        for (String culprit : kind.culprits()) {
            assertTrue("the verdict does not name " + culprit + ":\n" + verdict, verdict.contains(culprit));
        }
        long provenMillis = millisSince(started);
        System.out.println("leak corpus: " + kind.kind() + " verdict:\n" + verdict);
        LeakUndo.undo(kind, loader, host());
        int rounds = Unloading.awaitCollected(loader, kind.symbolicName() + "-after-undo");
        System.out.println("leak corpus: " + kind.kind() + " leaked (proven in " + provenMillis + " ms); once "
                + kind.culprits() + " let go, collected within " + rounds + " GC round(s)");
    }

    private void assertUnloads(LeakKind kind) throws Exception {
        assertFalse(kind + " is a leaking kind", kind.leaks());
        WeakReference<ClassLoader> loader = runAndUninstall(kind, "leak-corpus:" + kind.kind());
        int rounds = Unloading.awaitCollected(loader, kind.symbolicName());
        System.out.println("leak corpus: " + kind.kind() + " unloaded within " + rounds + " GC round(s)");
    }

    /**
     * Installs, starts, stops, uninstalls and refreshes the bundle of {@code kind}, checking on the way that its
     * activator is its own class, not the probe's copy.
     *
     * @return its class loader, weakly: this frame, the only one that held it strongly, is gone when it returns
     */
    private WeakReference<ClassLoader> runAndUninstall(LeakKind kind, String location) throws Exception {
        Bundle bundle;
        try (InputStream in = Files.newInputStream(CorpusBundles.jar(Path.of(System.getProperty(CORPUS)), kind))) {
            bundle = context.installBundle(location, in);
        }
        bundle.start();
        ClassLoader loader = bundle.adapt(BundleWiring.class).getClassLoader();
        Class<?> activator = bundle.loadClass(kind.activator().getName());
        assertSame(kind.symbolicName() + " defines its own activator", loader, activator.getClassLoader());
        assertNotSame("the probe's copy is not the bundle's class", kind.activator(), activator);
        WeakReference<ClassLoader> weak = new WeakReference<>(loader);
        bundle.stop();
        bundle.uninstall();
        Unloading.refresh(context, bundle);
        return weak;
    }

    private Bundle host() {
        return Arrays.stream(context.getBundles()).filter(b -> LeakKind.HOST.equals(b.getSymbolicName()))
                .filter(b -> b.getState() == Bundle.ACTIVE).findFirst()
                .orElseThrow(() -> new AssertionError("no active bundle " + LeakKind.HOST));
    }

    private static long millisSince(long started) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
    }
}
