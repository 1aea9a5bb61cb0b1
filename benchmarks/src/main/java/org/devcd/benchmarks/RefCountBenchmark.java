package org.devcd.benchmarks;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.netty.util.AbstractReferenceCounted;
import io.netty.util.ReferenceCounted;

import org.devcd.release.Completion;
import org.devcd.release.RefCount;
import org.devcd.release.ReleaseAction;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * A retain + release pair on a live count (the creator's reference keeps it above zero), against a raw
 * {@link AtomicInteger} increment + decrement and Netty's {@link AbstractReferenceCounted}; one thread, and two threads
 * sharing one count.
 */
@Fork(3)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class RefCountBenchmark {
    private final RefCount devcd = new RefCount(ReleaseAction.complete(new Completion()));
    private final AtomicInteger atomic = new AtomicInteger(1);
    private final ReferenceCounted netty = new NettyObject();

    /** devcd's pair, one thread. */
    @Benchmark
    public boolean devcd() {
        devcd.retain();
        return devcd.release();
    }

    /** The floor, one thread. */
    @Benchmark
    public int atomic() {
        atomic.incrementAndGet();
        return atomic.decrementAndGet();
    }

    /** Netty's pair, one thread. */
    @Benchmark
    public boolean netty() {
        netty.retain();
        return netty.release();
    }

    /** devcd's pair, two threads on one count. */
    @Benchmark
    @Threads(2)
    public boolean devcd2() {
        return devcd();
    }

    /** The floor, two threads on one counter. */
    @Benchmark
    @Threads(2)
    public int atomic2() {
        return atomic();
    }

    /** Netty's pair, two threads on one count. */
    @Benchmark
    @Threads(2)
    public boolean netty2() {
        return netty();
    }

    private static final class NettyObject extends AbstractReferenceCounted {
        @Override
        protected void deallocate() {
        }

        @Override
        public ReferenceCounted touch(Object hint) {
            return this;
        }
    }
}
