package org.devcd.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;

import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.ref.WeakReference;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import javax.inject.Inject;

import org.devcd.coredump.CoredumpAdmin;
import org.devcd.coredump.DumpInfo;
import org.devcd.coredump.DumpReader;
import org.devcd.coredump.NoSuchDumpException;
import org.devcd.testkit.StaleCode;
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
 * Churn: 300 cycles of install, start, register dumps, read them from another thread, stop, uninstall and refresh of a
 * driver bundle, with the stale-code detector on. Nothing is reported, no call reaches a driver after its stop returned,
 * every dump is freed, every driver class loader is collected, and the count of loaded classes comes back.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class ChurnIT {
    private static final int CYCLES = 300;
    private static final String DRIVER = "org.devcd.itests.churn";

    @Inject
    private BundleContext context;

    @Inject
    private CoredumpAdmin admin;

    @Configuration
    public Option[] config() throws IOException {
        Path jar = DriverStopIT.writeDriver(DRIVER, "sda:4096,sdb:1024", java.util.Map.of());
        return new Option[] {DevcdOptions.core(), systemProperty("devcd.churn.driver").value(jar.toString())};
    }

    /** 300 cycles leave nothing behind: no stale code, no late call, no dump, no loader, no classes. */
    @Test
    public void churnLeavesNothingBehind() throws Exception {
        Set<Long> stopped = ConcurrentHashMap.newKeySet();
        AtomicLong lateCalls = new AtomicLong();
        register(Set.class, stopped, "stopped-bundles");
        register(AtomicLong.class, lateCalls, "late-calls");
        Path jar = Path.of(System.getProperty("devcd.churn.driver"));
        long classesBefore = loadedClassesAfterGc();
        long started = System.nanoTime();
        List<WeakReference<ClassLoader>> loaders = new ArrayList<>();
        AtomicLong bytesRead = new AtomicLong();
        ExecutorService reader = Executors.newSingleThreadExecutor(r -> new Thread(r, "churn-reader"));
        try {
            for (int cycle = 0; cycle < CYCLES; cycle++) {
                Bundle driver;
                try (InputStream in = Files.newInputStream(jar)) {
                    driver = context.installBundle("churn:" + cycle, in);
                }
                driver.start();
                loaders.add(new WeakReference<>(driver.adapt(BundleWiring.class).getClassLoader()));
                List<String> names = admin.list().stream().filter(d -> d.bundleSymbolicName().equals(DRIVER))
                        .map(DumpInfo::name).toList();
                assertEquals("cycle " + cycle, 2, names.size());
                Future<?> reading = reader.submit(() -> readAll(names, bytesRead));
                driver.stop(); // may meet the reads in flight: it waits for them
                stopped.add(driver.getBundleId());
                reading.get(10, TimeUnit.SECONDS);
                driver.uninstall();
                Unloading.refresh(context, driver);
            }
        } finally {
            reader.shutdownNow();
        }
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);

        assertEquals("calls into a driver after its stop returned", 0, lateCalls.get());
        StaleCode.assertNoneAbout(DRIVER);
        assertTrue("dumps left: " + admin.list(), admin.list().isEmpty());
        assertEquals(0, admin.status().bytes());
        int rounds = 0;
        for (WeakReference<ClassLoader> loader : loaders) {
            rounds = Math.max(rounds, Unloading.awaitCollected(loader, DRIVER));
        }
        long classesAfter = loadedClassesAfterGc();
        System.out.println("churn: " + CYCLES + " cycles in " + millis + " ms, " + bytesRead.get() + " bytes read, "
                + "loaders collected within " + rounds + " GC round(s), loaded classes " + classesBefore + " -> "
                + classesAfter);
        assertTrue("loaded classes grew from " + classesBefore + " to " + classesAfter,
                classesAfter - classesBefore < 100);
    }

    private void readAll(List<String> names, AtomicLong bytesRead) {
        for (String name : names) {
            try (DumpReader reader = admin.open(name)) {
                ByteBuffer buffer = ByteBuffer.allocate(1024);
                long offset = 0;
                for (int count; (count = reader.read(offset, buffer.clear())) > 0; offset += count) {
                    bytesRead.addAndGet(count);
                }
            } catch (NoSuchDumpException deletedByTheStop) {
                // the stop won the race for this dump: fine
            }
        }
    }

    private <T> void register(Class<T> type, T service, String role) {
        Dictionary<String, Object> properties = new Hashtable<>();
        properties.put("devcd.itest", role);
        context.registerService(type, service, properties);
    }

    private static long loadedClassesAfterGc() {
        System.gc();
        return ManagementFactory.getClassLoadingMXBean().getLoadedClassCount();
    }
}
