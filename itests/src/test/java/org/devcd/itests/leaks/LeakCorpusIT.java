package org.devcd.itests.leaks;

import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import javax.inject.Inject;

import org.devcd.leakdoctor.monitor.ZombieMonitor;
import org.devcd.testkit.Unloading;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.BundleContext;

/**
 * The leak corpus leaks: each leaky bundle of {@link LeakKind}, started, stopped, uninstalled and refreshed, leaves its
 * class loader reachable, and undoing the one culprit the kind names frees it; the bundles that must unload do, also
 * over 300 install-to-refresh cycles. One framework for all tests: the host is long-lived, as in production.
 *
 * <p>Each leak's verdict names its culprit twice: in the test kit's failure ({@link Unloading#awaitCollected}, whose
 * three full collections prove the leak), and through the zombie monitor, which counted the same collections, posts
 * its Event Admin event and answers {@link ZombieMonitor#why}. The clean churn leaves the monitor with nothing.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class LeakCorpusIT {
    private static final int CYCLES = 300;

    @Inject
    private BundleContext context;

    @Inject
    private ZombieMonitor monitor;

    @Configuration
    public Option[] config() throws IOException {
        return new Option[] {Corpus.options()};
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

    /** A listener of the bundle that a host registered as its own service pins the loader. */
    @Test
    public void whiteboardLeaks() throws Exception {
        assertLeaksUntilUndone(LeakKind.WHITEBOARD);
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

    /** 300 cycles of the clean bundle leave none of the 300 loaders reachable, and the zombie monitor reports none. */
    @Test
    public void cleanBundleChurnLeavesNoLoader() throws Exception {
        long started = System.nanoTime();
        List<WeakReference<ClassLoader>> loaders = new ArrayList<>(CYCLES);
        for (int cycle = 0; cycle < CYCLES; cycle++) {
            loaders.add(Corpus.runAndUninstall(context, LeakKind.NONE, "leak-corpus:churn:" + cycle).loader());
        }
        long cyclesMillis = millisSince(started);
        int rounds = 0;
        for (int cycle = 0; cycle < CYCLES; cycle++) {
            // The first call runs the GC loop; once it returns, the others find their loader cleared already.
            rounds = Math.max(rounds, Unloading.awaitCollected(loaders.get(cycle), "churn-" + cycle));
        }
        String clean = LeakKind.NONE.symbolicName();
        assertFalse(monitor.zombies().toString(), monitor.zombies().stream().anyMatch(z -> z.symbolicName()
                .equals(clean)));
        assertFalse(monitor.pending().toString(), monitor.pending().stream().anyMatch(z -> z.symbolicName()
                .equals(clean)));
        System.out.println("leak corpus: " + CYCLES + " cycles of " + LeakKind.NONE.symbolicName() + " in "
                + cyclesMillis + " ms, every loader collected within " + rounds + " GC round(s), "
                + millisSince(started) + " ms in all");
    }

    /**
     * Proves the leak (the loader outlives three witnessed full collections) and that both verdicts name the culprit,
     * undoes the culprit, and proves the loader then goes and the monitor forgets it.
     */
    private void assertLeaksUntilUndone(LeakKind kind) throws Exception {
        assertTrue(kind + " is not a leaking kind", kind.leaks());
        long started = System.nanoTime();
        try (ZombieEventsSeen zombies = new ZombieEventsSeen(context)) {
            Corpus.Uninstalled uninstalled = Corpus.runAndUninstall(context, kind, "leak-corpus:" + kind.kind());
            long bundleId = uninstalled.bundleId();
            WeakReference<ClassLoader> loader = uninstalled.loader();
            AssertionError leak = assertThrows(kind.symbolicName() + " unloaded: it does not leak",
                    AssertionError.class, () -> Unloading.awaitCollected(loader, kind.symbolicName()));
            assertNamesCulprits(kind, leak.getMessage());
            assertFalse("the itests clear soft references at each collection (-XX:SoftRefLRUPolicyMSPerMB=0):\n"
                    + leak.getMessage(), leak.getMessage().contains("keeps softly reachable objects"));
            long provenMillis = millisSince(started);
            System.out.println("leak corpus: " + kind.kind() + " verdict:\n" + leak.getMessage());

            // The monitor counted the same full collections: the revision is a zombie, announced once, explained.
            zombies.awaitCollecting(bundleId, loader);
            assertTrue(monitor.zombies().toString(), monitor.zombies().stream()
                    .anyMatch(z -> z.bundleId() == bundleId));
            String why = monitor.why(bundleId).render();
            assertNamesCulprits(kind, why);

            LeakUndo.undo(kind, loader, Corpus.host(context));
            int rounds = Unloading.awaitCollected(loader, kind.symbolicName() + "-after-undo");
            assertFalse("the monitor still lists bundle " + bundleId + ": " + monitor.zombies(),
                    monitor.zombies().stream().anyMatch(z -> z.bundleId() == bundleId));
            System.out.println("leak corpus: " + kind.kind() + " leaked (proven in " + provenMillis + " ms); once "
                    + kind.culprits() + " let go, collected within " + rounds + " GC round(s)");
        }
    }

    private static void assertNamesCulprits(LeakKind kind, String verdict) {
        assertTrue(verdict, verdict.contains(kind.symbolicName()));
        for (String culprit : kind.culprits()) {
            assertTrue("the verdict does not name " + culprit + ":\n" + verdict, verdict.contains(culprit));
        }
    }

    private void assertUnloads(LeakKind kind) throws Exception {
        assertFalse(kind + " is a leaking kind", kind.leaks());
        WeakReference<ClassLoader> loader = Corpus.runAndUninstall(context, kind, "leak-corpus:" + kind.kind()).loader();
        int rounds = Unloading.awaitCollected(loader, kind.symbolicName());
        System.out.println("leak corpus: " + kind.kind() + " unloaded within " + rounds + " GC round(s)");
    }

    private static long millisSince(long started) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
    }
}
