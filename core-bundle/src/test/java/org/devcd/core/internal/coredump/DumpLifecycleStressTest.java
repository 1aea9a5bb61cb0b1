package org.devcd.core.internal.coredump;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.devcd.coredump.DumpInfo;
import org.devcd.coredump.DumpReader;
import org.devcd.coredump.NoSuchDumpException;
import org.devcd.coredump.Registration;
import org.devcd.coredump.RemovalReason;
import org.junit.jupiter.api.Test;

/**
 * Real threads on every path at once, 10,000 rounds. In each round a fresh registry holds one dump, which eight threads
 * released together read, dismiss, expire, put, stop its driver, disable, shut down, and register again. Whatever the
 * interleaving, each dump is removed once and freed once, never under a read or after its free, a synchronous delete
 * (put, stop, disable, shutdown) returns only once it is freed, and every delete path wins in some rounds.
 */
class DumpLifecycleStressTest {
    private static final int ROUNDS = 10_000;
    private static final RegistryConfig CONFIG = new RegistryConfig(Duration.ofMinutes(5), 1024, 100, 1 << 20,
            Duration.ofSeconds(30));

    /** Every round ends with its dump freed exactly once and one REMOVED; each of the six reasons wins sometimes. */
    @Test
    void allDeletePathsRaceOnOneDump() throws Exception {
        Map<RemovalReason, AtomicInteger> wins = new EnumMap<>(RemovalReason.class);
        for (RemovalReason reason : RemovalReason.values()) {
            wins.put(reason, new AtomicInteger());
        }
        DumpListener counting = new DumpListener() {
            @Override
            public void added(DumpInfo dump) {
            }

            @Override
            public void removed(DumpInfo dump, RemovalReason reason) {
                wins.get(reason).incrementAndGet();
            }
        };
        List<CheckedSource> sources = new ArrayList<>();
        CyclicBarrier start = new CyclicBarrier(8);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            for (int round = 0; round < ROUNDS; round++) {
                ManualTimer timer = new ManualTimer();
                DumpRegistry registry = RegistryFixture.registry(CONFIG, timer, Runnable::run, counting);
                DriverCoredumps driver = DriverCoredumps.attach(registry, 1, "org.example.disk", "1.0.0");
                CheckedSource source = new CheckedSource(16);
                sources.add(source);
                assertThat(driver.dumpm("dev0", source)).isEqualTo(new Registration.Registered("devcd1"));
                List<Callable<Object>> racers = List.of(
                        () -> {
                            try (DumpReader reader = registry.open("devcd1")) {
                                reader.read(0, ByteBuffer.allocate(16));
                            } catch (NoSuchDumpException gone) {
                                // lost the race: fine
                            }
                            return null;
                        },
                        () -> registry.dismiss("devcd1"),
                        () -> {
                            timer.fireIfPending(0);
                            return null;
                        },
                        () -> freedOnReturn(driver.put("dev0"), source),
                        () -> {
                            driver.detach();
                            return freedOnReturn(true, source);
                        },
                        () -> freedOnReturn(registry.disable(), source),
                        () -> {
                            registry.shutdown();
                            return freedOnReturn(true, source);
                        },
                        () -> {
                            CheckedSource late = new CheckedSource(1);
                            // Discarded while the first dump exists or a sweep ran; registered if it was already freed.
                            if (driver.dumpm("dev0", late).isRegistered()) {
                                driver.put("dev0");
                            }
                            assertThat(late.frees).hasValue(1);
                            return null;
                        });
                List<Future<Object>> running = new ArrayList<>();
                for (Callable<Object> racer : racers) {
                    running.add(pool.submit(() -> {
                        start.await();
                        spin(ThreadLocalRandom.current().nextInt(64));
                        return racer.call();
                    }));
                }
                for (Future<Object> racer : running) {
                    racer.get(1, TimeUnit.MINUTES);
                }
                start.reset();
                assertThat(registry.list()).isEmpty();
                assertThat(registry.status().dumps()).isZero();
                assertThat(driver.owner.devices).isEmpty();
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(sources).allSatisfy(s -> {
            assertThat(s.violation()).isNull();
            assertThat(s.frees).hasValue(1);
        });
        int removed = wins.values().stream().mapToInt(AtomicInteger::get).sum();
        assertThat(removed).as("one REMOVED per round's first dump, more for re-registered ones")
                .isGreaterThanOrEqualTo(ROUNDS);
        assertThat(wins).as("removals per reason over %d rounds: %s", ROUNDS, wins)
                .allSatisfy((reason, count) -> assertThat(count.get()).as(reason.name()).isPositive());
    }

    /** A synchronous delete that found the dump returns only once it is freed (I5). */
    private static Object freedOnReturn(boolean found, CheckedSource source) {
        if (found) {
            assertThat(source.frees).as("freed when the synchronous delete returned").hasValue(1);
        }
        return null;
    }

    private static void spin(int rounds) {
        for (int i = 0; i < rounds; i++) {
            Thread.onSpinWait();
        }
    }

    /**
     * R14 as a listing sees it: while two threads register and put one device over and over, no single {@code list()}
     * shows two dumps of that device, even when one is deleted and its successor registered during the listing.
     */
    @Test
    void aListingNeverShowsTwoDumpsOfOneDevice() throws Exception {
        DumpRegistry registry = RegistryFixture.registry(
                new RegistryConfig(Duration.ofMinutes(5), 1024, 100, 1 << 20, Duration.ofSeconds(30)),
                new ManualTimer(), Runnable::run, new DumpListener() {
                    @Override
                    public void added(DumpInfo dump) {
                    }

                    @Override
                    public void removed(DumpInfo dump, RemovalReason reason) {
                    }
                });
        DriverCoredumps driver = DriverCoredumps.attach(registry, 1, "org.example.disk", "1.0.0");
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
