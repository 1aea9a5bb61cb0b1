package org.devcd.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;
import static org.ops4j.pax.exam.CoreOptions.streamBundle;

import java.nio.ByteBuffer;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import javax.inject.Inject;

import org.devcd.coredump.CoredumpAdmin;
import org.devcd.coredump.CoredumpEvents;
import org.devcd.coredump.DumpInfo;
import org.devcd.coredump.DumpReader;
import org.devcd.coredump.NoSuchDumpException;
import org.devcd.itests.drivers.DumpingDriver;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerMethod;
import org.ops4j.pax.tinybundles.TinyBundles;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.service.event.Event;

/** A driver bundle that stops takes exactly its own dumps with it, and waits for a read in flight inside it. */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerMethod.class)
public class DriverStopIT {
    @Inject
    private BundleContext context;

    @Inject
    private CoredumpAdmin admin;

    @Configuration
    public Option[] config() {
        return new Option[] {
            DevcdOptions.core(),
            streamBundle(driver("org.devcd.itests.disk", "sda:16,sdb:8")),
            streamBundle(driver("org.devcd.itests.gpu", "gpu0:4")),
            streamBundle(driver("org.devcd.itests.slow", "slow0:8")).start(false)
        };
    }

    /** Stopping one driver deletes its dumps (REMOVED, DRIVER_STOPPED) and leaves the other driver's alone. */
    @Test
    public void stopRemovesExactlyItsOwnDumps() throws Exception {
        Probe.Events events = Probe.Events.record(context);
        List<DumpInfo> disk = dumpsOf("org.devcd.itests.disk");
        assertEquals(2, disk.size());
        assertEquals(1, dumpsOf("org.devcd.itests.gpu").size());

        Bundles.bySymbolicName(context, "org.devcd.itests.disk").stop();

        assertTrue(dumpsOf("org.devcd.itests.disk").isEmpty());
        assertEquals(1, dumpsOf("org.devcd.itests.gpu").size());
        for (DumpInfo dump : disk) {
            Event removed = events.next(dump.name());
            assertEquals(CoredumpEvents.TOPIC_REMOVED, removed.getTopic());
            assertEquals("DRIVER_STOPPED", removed.getProperty(CoredumpEvents.REASON));
        }
    }

    /** The stop waits for a read inside the driver; the read completes; later reads say the dump is gone. */
    @Test
    public void stopWaitsForTheReadInFlight() throws Exception {
        Semaphore gate = new Semaphore(0);
        CountDownLatch entered = new CountDownLatch(1);
        register(Semaphore.class, gate, "read-gate");
        register(CountDownLatch.class, entered, "read-entered");
        Bundle slow = Bundles.bySymbolicName(context, "org.devcd.itests.slow");
        slow.start();
        String name = dumpsOf("org.devcd.itests.slow").get(0).name();
        DumpReader reader = admin.open(name);

        CompletableFuture<Integer> read = CompletableFuture.supplyAsync(() -> reader.read(0, ByteBuffer.allocate(8)));
        assertTrue("the read entered the driver", entered.await(10, TimeUnit.SECONDS));
        Thread[] stopper = new Thread[1];
        CompletableFuture<Void> stop = CompletableFuture.runAsync(() -> {
            stopper[0] = Thread.currentThread();
            try {
                slow.stop();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        awaitBlocked(stop, stopper);
        assertFalse("the stop waits for the read", stop.isDone());

        gate.release();

        assertEquals(Integer.valueOf(8), read.get(10, TimeUnit.SECONDS));
        stop.get(10, TimeUnit.SECONDS);
        assertEquals(Bundle.RESOLVED, slow.getState());
        try {
            reader.read(0, ByteBuffer.allocate(8));
            fail("a read after the stop succeeded");
        } catch (NoSuchDumpException expected) {
            assertEquals(name + " was deleted", expected.getMessage());
        }
    }

    private List<DumpInfo> dumpsOf(String symbolicName) {
        return admin.list().stream().filter(d -> d.bundleSymbolicName().equals(symbolicName))
                .collect(Collectors.toList());
    }

    private <T> void register(Class<T> type, T service, String role) {
        Dictionary<String, Object> properties = new Hashtable<>();
        properties.put("devcd.itest", role);
        context.registerService(type, service, properties);
    }

    /** Waits until the stopping thread is parked (it waits for the drain), failing after 10 s. */
    private static void awaitBlocked(CompletableFuture<Void> stop, Thread[] stopper) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        for (;;) {
            Thread thread = stopper[0];
            if (thread != null && (thread.getState() == Thread.State.WAITING
                    || thread.getState() == Thread.State.TIMED_WAITING)) {
                return;
            }
            if (stop.isDone() || System.nanoTime() - deadline > 0) {
                throw new AssertionError("the stop did not block on the read in flight: " + stop);
            }
            Thread.onSpinWait();
        }
    }

    /**
     * Writes a throwaway driver bundle into {@code java.io.tmpdir}, for tests that install it more than once from the
     * probe (the test driver and the probe share the JVM, so a system property carries the path).
     */
    static java.nio.file.Path writeDriver(String symbolicName, String dumps, java.util.Map<String, String> headers)
            throws java.io.IOException {
        java.nio.file.Path jar = java.nio.file.Path.of(System.getProperty("java.io.tmpdir"), symbolicName + ".jar");
        try (java.io.InputStream driver = driver(symbolicName, dumps, headers)) {
            java.nio.file.Files.copy(driver, jar, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        return jar;
    }

    /** A throwaway driver bundle whose activator registers the given dumps. */
    static java.io.InputStream driver(String symbolicName, String dumps) {
        return driver(symbolicName, dumps, java.util.Map.of());
    }

    /** The same, with more headers for {@link DumpingDriver}. */
    static java.io.InputStream driver(String symbolicName, String dumps, java.util.Map<String, String> headers) {
        org.ops4j.pax.tinybundles.TinyBundle bundle = TinyBundles.bundle()
                .setHeader("Bundle-ManifestVersion", "2")
                .symbolicName(symbolicName)
                .setHeader("Bundle-Version", "1.0.0")
                .setHeader("Import-Package", "org.devcd.coredump;version=\"[1.0,2)\",org.osgi.framework")
                .setHeader("Devcd-Dumps", dumps)
                .activator(DumpingDriver.class)
                .addClass(DumpingDriver.class)
                .addClass(DumpingDriver.Source.class)
                .addClass(DumpingDriver.LateCallCheck.class);
        headers.forEach(bundle::setHeader);
        return bundle.build(TinyBundles.rawBuilder());
    }
}
