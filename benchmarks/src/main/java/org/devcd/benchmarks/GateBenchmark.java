package org.devcd.benchmarks;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.devcd.release.Gate;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/** Entering and leaving an open {@link Gate} (a call into driver code), against an AtomicInteger increment + decrement. */
@Fork(3)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class GateBenchmark {
    private final Gate gate = new Gate("driver org.example.disk 1.0.0");
    private final AtomicInteger atomic = new AtomicInteger();

    /** devcd's enter + exit, as every read and free of a dump does it. */
    @Benchmark
    public void devcd() {
        gate.enter().close();
    }

    /** The floor: a bare counter of calls in flight. */
    @Benchmark
    public int atomic() {
        atomic.incrementAndGet();
        return atomic.decrementAndGet();
    }
}
