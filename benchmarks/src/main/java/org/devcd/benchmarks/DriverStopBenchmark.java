package org.devcd.benchmarks;

import java.util.concurrent.TimeUnit;

import org.devcd.core.internal.coredump.DriverCoredumps;
import org.devcd.core.internal.coredump.DumpRegistry;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
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
 * A stopping driver's dumps deleted synchronously: 10,000 live dumps, each with its armed timeout, unlisted, drained,
 * freed through the driver's gate and announced; one invocation is one driver stop.
 */
@Fork(1)
@Warmup(iterations = 10)
@Measurement(iterations = 30)
@State(Scope.Thread)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class DriverStopBenchmark {
    static final int DUMPS = 10_000;

    private final byte[] data = new byte[64];
    private DumpRegistry registry;
    private DriverCoredumps driver;
    private int generation;

    @Setup(Level.Trial)
    public void start() {
        registry = Registries.withoutEvents();
    }

    @TearDown(Level.Trial)
    public void stop() {
        registry.shutdown();
    }

    /** A driver that got the service and registered its dumps (not timed). */
    @Setup(Level.Invocation)
    public void registerDumps() {
        driver = DriverCoredumps.attach(registry, ++generation, "org.example.disk", "1.0.0");
        for (int i = 0; i < DUMPS; i++) {
            if (!driver.dumpv("disk" + i, data).isRegistered()) {
                throw new IllegalStateException("dump " + i + " of " + DUMPS + " was discarded: " + registry.status());
            }
        }
    }

    /** The driver's stop: returns once every dump is freed and nothing of the driver is held. */
    @Benchmark
    public int driverStop() {
        driver.detach();
        int left = registry.status().dumps();
        if (left != 0) {
            throw new IllegalStateException(left + " dumps left after the driver's stop");
        }
        return left;
    }
}
