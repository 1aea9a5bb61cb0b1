package org.devcd.benchmarks;

import java.nio.ByteBuffer;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import org.devcd.coredump.DumpReader;
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
 * Reading a 64 MiB dump through an admin's reader in 1 MiB chunks, against a ByteBuffer bulk copy of the same bytes
 * in the same chunks.
 */
@Fork(2)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class ReadBenchmark {
    static final int SIZE = 64 << 20;
    static final int CHUNK = 1 << 20;

    private final byte[] data = new byte[SIZE];
    private final ByteBuffer chunk = ByteBuffer.allocate(CHUNK);
    private DumpRegistry registry;
    private DriverCoredumps driver;
    private String name;

    @Setup
    public void start() {
        ThreadLocalRandom.current().nextBytes(data);
        registry = Registries.withoutEvents();
        driver = DriverCoredumps.attach(registry, 1, "org.example.gpu", "1.0.0");
        name = ((Registration.Registered) driver.dumpv("gpu0", data)).name();
    }

    @TearDown
    public void stop() {
        driver.detach();
        registry.shutdown();
    }

    /** devcd: open a reader and read the dump to its end, chunk by chunk. */
    @Benchmark
    public long devcd() {
        long total = 0;
        try (DumpReader reader = registry.open(name)) {
            for (int count; (count = reader.read(total, chunk.clear())) > 0; ) {
                total += count;
            }
        }
        return total + chunk.get(0);
    }

    /** The floor: copy the same bytes into the same chunk buffer. */
    @Benchmark
    public long floor() {
        long total = 0;
        for (int offset = 0; offset < SIZE; offset += CHUNK) {
            chunk.clear().put(data, offset, CHUNK);
            total += CHUNK;
        }
        return total + chunk.get(0);
    }
}
