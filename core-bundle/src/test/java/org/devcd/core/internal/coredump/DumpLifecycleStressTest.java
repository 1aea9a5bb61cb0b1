package org.devcd.core.internal.coredump;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.devcd.coredump.DumpInfo;
import org.devcd.coredump.DumpReader;
import org.devcd.coredump.NoSuchDumpException;
import org.devcd.coredump.RemovalReason;
import org.junit.jupiter.api.Test;

/**
 * Real threads on every path at once, 10,000 rounds: in each round one dump is read, dismissed, expired and put by four
 * threads released together, and a fifth registers the device again. Whatever the interleaving, each dump is removed
 * once, freed once, never under a read or after its free, no path throws, and the counters return to zero.
 */
class DumpLifecycleStressTest {
    private static final int ROUNDS = 10_000;

    /** Every round ends with each dump freed exactly once, one REMOVED per dump, and nothing held. */
    @Test
    void allDeletePathsRaceOnOneDump() throws Exception {
        ManualTimer timer = new ManualTimer();
        AtomicInteger removed = new AtomicInteger();
        DumpRegistry registry = new DumpRegistry(
                new RegistryConfig(Duration.ofMinutes(5), 1024, 100, 1 << 20, Duration.ofSeconds(30)), timer,
                Runnable::run, new DumpListener() {
                    @Override
                    public void added(DumpInfo dump) {
                    }

                    @Override
                    public void removed(DumpInfo dump, RemovalReason reason) {
                        removed.incrementAndGet();
                    }
                }, Clock.fixed(Instant.EPOCH, ZoneOffset.UTC), () -> { });
        DriverCoredumps driver = registry.attach(1, "org.example.disk", "1.0.0");
        List<CheckedSource> sources = new ArrayList<>();
        CyclicBarrier start = new CyclicBarrier(5);
        ExecutorService pool = Executors.newFixedThreadPool(5);
        try {
            for (int round = 0; round < ROUNDS; round++) {
                CheckedSource source = new CheckedSource(16);
                sources.add(source);
                assertThat(driver.dumpm("dev0", source).isRegistered()).isTrue();
                String name = "devcd" + (round * 2 + 1);
                int timerIndex = round;
                List<Future<?>> racers = List.of(
                        pool.submit(() -> {
                            start.await();
                            try (DumpReader reader = registry.open(name)) {
                                reader.read(0, ByteBuffer.allocate(16));
                            } catch (NoSuchDumpException gone) {
                                // lost the race: fine
                            }
                            return null;
                        }),
                        pool.submit(() -> {
                            start.await();
                            return registry.dismiss(name);
                        }),
                        pool.submit(() -> {
                            start.await();
                            timer.fireIfPending(timerIndex);
                            return null;
                        }),
                        pool.submit(() -> {
                            start.await();
                            return driver.put("dev0");
                        }),
                        pool.submit(() -> {
                            start.await();
                            CheckedSource late = new CheckedSource(1);
                            // Discarded while the first dump exists; registered if it is already freed.
                            if (driver.dumpm("dev0", late).isRegistered()) {
                                driver.put("dev0");
                            }
                            assertThat(late.frees).hasValue(1);
                            return null;
                        }));
                for (Future<?> racer : racers) {
                    racer.get(1, TimeUnit.MINUTES);
                }
                start.reset();
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(sources).allSatisfy(s -> {
            assertThat(s.violation()).isNull();
            assertThat(s.frees).hasValue(1);
        });
        assertThat(registry.list()).isEmpty();
        assertThat(registry.status().dumps()).isZero();
        assertThat(registry.status().bytes()).isZero();
        assertThat(removed.get()).isGreaterThanOrEqualTo(ROUNDS);
        assertThat(driver.owner.devices).isEmpty();
    }

    /**
     * R14 as a listing sees it: while two threads register and put one device over and over, no single {@code list()}
     * shows two dumps of that device, even when one is deleted and its successor registered during the listing.
     */
    @Test
    void aListingNeverShowsTwoDumpsOfOneDevice() throws Exception {
        DumpRegistry registry = new DumpRegistry(
                new RegistryConfig(Duration.ofMinutes(5), 1024, 100, 1 << 20, Duration.ofSeconds(30)),
                new ManualTimer(), Runnable::run, new DumpListener() {
                    @Override
                    public void added(DumpInfo dump) {
                    }

                    @Override
                    public void removed(DumpInfo dump, RemovalReason reason) {
                    }
                }, Clock.fixed(Instant.EPOCH, ZoneOffset.UTC), () -> { });
        DriverCoredumps driver = registry.attach(1, "org.example.disk", "1.0.0");
        // Other devices' dumps make each listing long enough for a delete and a register to land inside it.
        for (int i = 0; i < 50; i++) {
            assertThat(driver.dumpv("other" + i, new byte[1]).isRegistered()).isTrue();
        }
        AtomicBoolean churning = new AtomicBoolean(true);
        AtomicInteger listings = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            List<Future<?>> creators = new ArrayList<>();
            for (int t = 0; t < 2; t++) {
                creators.add(pool.submit(() -> {
                    for (int i = 0; i < ROUNDS * 5; i++) {
                        driver.dumpv("gpu0", new byte[4]);
                        driver.put("gpu0");
                    }
                    return null;
                }));
            }
            Future<?> lister = pool.submit(() -> {
                while (churning.get()) {
                    long gpu0 = registry.list().stream().filter(d -> d.device().equals("gpu0")).count();
                    assertThat(gpu0).as("dumps of gpu0 in one listing").isLessThanOrEqualTo(1);
                    listings.incrementAndGet();
                }
                return null;
            });
            for (Future<?> creator : creators) {
                creator.get(1, TimeUnit.MINUTES);
            }
            churning.set(false);
            lister.get(1, TimeUnit.MINUTES);
        } finally {
            pool.shutdownNow();
        }
        assertThat(listings.get()).isPositive();
    }
}
