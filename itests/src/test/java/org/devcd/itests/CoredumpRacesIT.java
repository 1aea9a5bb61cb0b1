package org.devcd.itests;

import static org.awaitility.Awaitility.await;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import javax.inject.Inject;

import org.devcd.coredump.CoredumpAdmin;
import org.devcd.coredump.CoredumpEvents;
import org.devcd.coredump.CoredumpService;
import org.devcd.coredump.DumpInfo;
import org.devcd.coredump.DumpReader;
import org.devcd.coredump.DumpSource;
import org.devcd.coredump.NoSuchDumpException;
import org.devcd.coredump.Registration;
import org.devcd.testkit.StaleCode;
import org.devcd.testkit.Unloading;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerMethod;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.service.event.EventConstants;
import org.osgi.service.event.EventHandler;

/**
 * The kernel's coredump races, inside OSGi with the real EventAdmin and real threads: stress runs that check the
 * invariants (every dump added once, removed once, freed once; at most one dump per device) whatever the interleaving.
 * Their deterministic, step-by-step versions are the registry's unit tests (RaceScenariosTest). Races R1-R14 and the
 * invariants as numbered in {@code docs/kernel-lessons.md#race-scenarios}.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerMethod.class)
public class CoredumpRacesIT {
    private static final Duration BOUND = Duration.ofSeconds(30);

    @Inject
    private BundleContext context;

    @Inject
    private CoredumpAdmin admin;

    @Configuration
    public Option[] config() throws IOException {
        Path jar = DriverStopIT.writeDriver("org.devcd.itests.putter", "dev0:64",
                Map.of("Devcd-Timeout-Millis", "1", "Devcd-Put-On-Stop", "true"));
        return new Option[] {DevcdOptions.core(), systemProperty("devcd.putter.driver").value(jar.toString())};
    }

    /** R1/R6: an ADDED handler finds the dump listed with its metadata and dismisses it at once; each dump freed once. */
    @Test
    public void r1_r6_addedHandlerDismissesAtOnce() throws Exception {
        List<String> problems = new CopyOnWriteArrayList<>();
        Map<String, String> lastTopic = new ConcurrentHashMap<>();
        handle(event -> {
            String name = (String) event.getProperty(CoredumpEvents.NAME);
            String previous = lastTopic.put(name, event.getTopic());
            if (event.getTopic().equals(CoredumpEvents.TOPIC_ADDED)) {
                if (previous != null) {
                    problems.add(name + ": ADDED after " + previous);
                }
                if (admin.list().stream().noneMatch(d -> d.name().equals(name) && d.size() == 16)) {
                    problems.add(name + ": ADDED but not listed with its size");
                }
                admin.dismiss(name);
            } else if (!CoredumpEvents.TOPIC_ADDED.equals(previous)) {
                problems.add(name + ": REMOVED after " + previous);
            }
        });
        CoredumpService driver = Probe.driverService(context);
        List<CountingSource> sources = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            CountingSource source = new CountingSource(16);
            sources.add(source);
            assertTrue(driver.dumpm("r1-" + i, source).isRegistered());
        }

        awaitAllFreed(sources);
        assertTrue(problems.toString(), problems.isEmpty());
        awaitEvents(lastTopic, 100, CoredumpEvents.TOPIC_REMOVED);
    }

    /** R2/R11: disable while two threads storm dismisses and one puts: every dump is deleted exactly once. */
    @Test
    public void r2_r11_disableWhileDismissesStorm() throws Exception {
        CoredumpService driver = Probe.driverService(context);
        List<CountingSource> sources = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            CountingSource source = new CountingSource(8);
            sources.add(source);
            names.add(((Registration.Registered) driver.dumpm("r2-" + i, source)).name());
        }
        CyclicBarrier start = new CyclicBarrier(4);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> racers = List.of(
                    pool.submit(() -> dismissAll(start, names, false)),
                    pool.submit(() -> dismissAll(start, names, true)),
                    pool.submit(() -> {
                        start.await();
                        for (int i = 0; i < names.size(); i += 3) {
                            driver.put("r2-" + i);
                        }
                        return null;
                    }),
                    pool.submit(() -> {
                        start.await();
                        return admin.disable();
                    }));
            for (Future<?> racer : racers) {
                racer.get(BOUND.toSeconds(), TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }

        assertTrue(admin.status().disabled());
        assertTrue(admin.list().isEmpty());
        for (CountingSource source : sources) {
            assertEquals(1, source.frees.get());
        }
    }

    /** R14: two threads register one device over and over: never two dumps listed for it, every source freed once. */
    @Test
    public void r14_twoCreatorsForOneDevice() throws Exception {
        CoredumpService driver = Probe.driverService(context);
        List<CountingSource> sources = new CopyOnWriteArrayList<>();
        AtomicInteger listedTwice = new AtomicInteger();
        CyclicBarrier start = new CyclicBarrier(2);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<?>> creators = new ArrayList<>();
            for (int t = 0; t < 2; t++) {
                creators.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < 500; i++) {
                        CountingSource source = new CountingSource(4);
                        sources.add(source);
                        driver.dumpm("gpu0", source);
                        if (admin.list().stream().filter(d -> d.device().equals("gpu0")).count() > 1) {
                            listedTwice.incrementAndGet();
                        }
                        driver.put("gpu0");
                    }
                    return null;
                }));
            }
            for (Future<?> creator : creators) {
                creator.get(BOUND.toSeconds(), TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }

        assertEquals(0, listedTwice.get());
        awaitAllFreed(sources);
    }

    /** R10: the driver's stop puts its dump while its 1 ms timeout fires: one deletion, one free, no stale code. */
    @Test
    public void r10_putFromTheDriversStopWhileTheTimeoutFires() throws Exception {
        Map<String, Integer> removals = new ConcurrentHashMap<>();
        handle(event -> {
            if (event.getTopic().equals(CoredumpEvents.TOPIC_REMOVED)) {
                removals.merge((String) event.getProperty(CoredumpEvents.NAME), 1, Integer::sum);
            }
        });
        Path jar = Path.of(System.getProperty("devcd.putter.driver"));
        for (int cycle = 0; cycle < 50; cycle++) {
            Bundle driver;
            try (InputStream in = Files.newInputStream(jar)) {
                driver = context.installBundle("putter:" + cycle, in);
            }
            driver.start();
            driver.stop();
            driver.uninstall();
            Unloading.refresh(context, driver);
        }

        await().atMost(BOUND).until(() -> removals.size() == 50);
        assertEquals("each dump removed once: " + removals, 50, removals.size());
        assertTrue(removals.toString(), removals.values().stream().allMatch(count -> count == 1));
        StaleCode.assertNoneAbout("org.devcd.itests.putter");
    }

    /** A read in flight while the driver is uninstalled either completes or says the dump is gone; nothing else. */
    @Test
    public void readWhileTheDriverIsUninstalled() throws Exception {
        Path jar = Path.of(System.getProperty("devcd.putter.driver"));
        ExecutorService reader = Executors.newSingleThreadExecutor();
        try {
            for (int cycle = 0; cycle < 50; cycle++) {
                Bundle driver;
                try (InputStream in = Files.newInputStream(jar)) {
                    driver = context.installBundle("reader:" + cycle, in);
                }
                driver.start();
                List<String> names = admin.list().stream().map(DumpInfo::name).toList();
                Future<Integer> read = reader.submit(() -> readAll(names));
                driver.uninstall();
                assertTrue(read.get(BOUND.toSeconds(), TimeUnit.SECONDS) >= 0);
                Unloading.refresh(context, driver);
            }
        } finally {
            reader.shutdownNow();
        }
        StaleCode.assertNoneAbout("org.devcd.itests.putter");
        assertTrue(admin.list().isEmpty());
    }

    private int readAll(List<String> names) {
        int total = 0;
        for (String name : names) {
            try (DumpReader reader = admin.open(name)) {
                for (int count; (count = reader.read(total, ByteBuffer.allocate(16))) > 0; ) {
                    total += count;
                }
            } catch (NoSuchDumpException gone) {
                // deleted by the uninstall (or its timeout) first: fine
            }
        }
        return total;
    }

    private Void dismissAll(CyclicBarrier start, List<String> names, boolean backwards) throws Exception {
        start.await();
        for (int i = 0; i < names.size(); i++) {
            admin.dismiss(names.get(backwards ? names.size() - 1 - i : i));
        }
        return null;
    }

    private void handle(EventHandler handler) {
        java.util.Dictionary<String, Object> properties = new java.util.Hashtable<>();
        properties.put(EventConstants.EVENT_TOPIC, "org/devcd/coredump/*");
        context.registerService(EventHandler.class, handler, properties);
    }

    private static void awaitAllFreed(List<CountingSource> sources) {
        await().atMost(BOUND).until(() -> sources.stream().allMatch(s -> s.frees.get() > 0));
        for (CountingSource source : sources) {
            assertEquals(1, source.frees.get());
        }
    }

    private static void awaitEvents(Map<String, String> lastTopic, int count, String topic) {
        await().atMost(BOUND).until(() -> lastTopic.values().stream().filter(topic::equals).count() == count);
    }

    /** The probe's own driver data: counts its frees. */
    private static final class CountingSource implements DumpSource {
        final AtomicInteger frees = new AtomicInteger();
        private final int size;

        CountingSource(int size) {
            this.size = size;
        }

        @Override
        public long size() {
            return size;
        }

        @Override
        public int read(long offset, ByteBuffer dst) {
            int count = (int) Math.min(dst.remaining(), size - offset);
            dst.position(dst.position() + count);
            return count;
        }

        @Override
        public void free() {
            frees.incrementAndGet();
        }
    }

}
