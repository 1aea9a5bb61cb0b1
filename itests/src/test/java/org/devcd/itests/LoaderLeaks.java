package org.devcd.itests;

import static org.awaitility.Awaitility.await;

import java.lang.management.ManagementFactory;
import java.lang.ref.WeakReference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import javax.management.ObjectName;

import org.awaitility.core.ConditionTimeoutException;

/** Proves a class loader unreachable: a bounded GC loop, and a heap dump named in the failure when it is not. */
final class LoaderLeaks {
    private static final Duration BOUND = Duration.ofSeconds(10);

    private LoaderLeaks() {
    }

    /**
     * Runs GC rounds 50 ms apart until {@code loader} is cleared, at most 10 s.
     *
     * @return how many rounds it took
     * @throws AssertionError naming the heap dump written for the analysis, if the loader stayed reachable
     */
    static int awaitCollected(WeakReference<ClassLoader> loader, String what) {
        AtomicInteger rounds = new AtomicInteger();
        try {
            await().atMost(BOUND).pollInterval(Duration.ofMillis(50)).until(() -> {
                rounds.incrementAndGet();
                System.gc();
                return loader.get() == null;
            });
            return rounds.get();
        } catch (ConditionTimeoutException e) {
            Path dump = Path.of(System.getProperty("java.io.tmpdir"), "devcd-leak-" + what + ".hprof");
            throw new AssertionError("the class loader of " + what + " is still reachable after " + rounds.get()
                    + " GC rounds; what holds it is in the heap dump " + writeHeapDump(dump), e);
        }
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
