package org.devcd.benchmarks;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import org.devcd.coredump.Registration;
import org.devcd.core.internal.coredump.DriverCoredumps;
import org.devcd.core.internal.coredump.DumpRegistry;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Registering a 4 KiB dump and dismissing it (no OSGi, events off), against what any such registry needs at least: a
 * ConcurrentHashMap put + remove and a ScheduledThreadPoolExecutor schedule + cancel of the timeout. The floor removes
 * a cancelled task at once, as a registry must not keep one per dismissed dump for its whole timeout; devcd's timer
 * purges them in batches instead.
 */
@Fork(2)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class RegistryBenchmark {
    /** The same array every time: the copy a driver makes of its data is the driver's cost, on both sides. */
    private final byte[] data = new byte[4096];
    private DumpRegistry registry;
    private DriverCoredumps driver;

    private final ConcurrentHashMap<Long, byte[]> map = new ConcurrentHashMap<>();
    private ScheduledThreadPoolExecutor timer;
    private long next;

    @Setup
    public void start() {
        registry = Registries.withoutEvents();
        driver = DriverCoredumps.attach(registry, 1, "org.example.disk", "1.0.0");
        timer = new ScheduledThreadPoolExecutor(1);
        timer.setRemoveOnCancelPolicy(true);
    }

    @TearDown
    public void stop() {
        driver.detach();
        registry.shutdown();
        timer.shutdownNow();
    }

    /** devcd: dev_coredumpv, then the admin's dismiss. */
    @Benchmark
    public boolean devcd() {
        Registration registration = driver.dumpv("gpu0", data);
        return registry.dismiss(((Registration.Registered) registration).name());
    }

    /** The floor: index the dump, arm its timeout, disarm it, unindex it. */
    @Benchmark
    public boolean floor() {
        Long key = next++;
        map.put(key, data);
        ScheduledFuture<?> timeout = timer.schedule(() -> map.remove(key), 5, TimeUnit.MINUTES);
        boolean cancelled = timeout.cancel(false);
        map.remove(key);
        return cancelled;
    }
}
