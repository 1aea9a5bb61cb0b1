package org.devcd.benchmarks.weaving;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.concurrent.TimeUnit;
import java.util.function.IntUnaryOperator;

import org.devcd.testkit.internal.Revisions;
import org.devcd.testkit.internal.Weaver;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The test kit's stale-code detector on a call-heavy class ({@link CallHeavy}: fib(20), about 33,000 calls of
 * methods that do almost nothing): the class as the test kit weaves it against the same class unwoven, each defined
 * by a class loader of its own. The woven copy's revision is registered and alive, as a running watched bundle's is.
 */
@Fork(2)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class WeavingBenchmark {
    @Param("20")
    public int n;

    private IntUnaryOperator plain;
    private IntUnaryOperator woven;

    @Setup
    public void load() throws ReflectiveOperationException {
        byte[] bytes = classBytes();
        plain = instance(bytes);
        woven = instance(Weaver.weave(bytes, Revisions.register(-1, "org.devcd.benchmarks.weaving")));
    }

    /** The class unwoven. */
    @Benchmark
    public int unwoven() {
        return plain.applyAsInt(n);
    }

    /** The class as the test kit weaves a watched bundle's classes. */
    @Benchmark
    public int wovenAlive() {
        return woven.applyAsInt(n);
    }

    private static IntUnaryOperator instance(byte[] bytes) throws ReflectiveOperationException {
        Class<?> type = new OneClassLoader(WeavingBenchmark.class.getClassLoader()).define(bytes);
        return (IntUnaryOperator) type.getConstructor().newInstance();
    }

    private static byte[] classBytes() {
        try (InputStream in = CallHeavy.class.getResourceAsStream(CallHeavy.class.getSimpleName() + ".class")) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Defines one class, so that each copy of {@link CallHeavy} has a loader of its own, as a bundle's class has. */
    private static final class OneClassLoader extends ClassLoader {
        OneClassLoader(ClassLoader parent) {
            super(parent);
        }

        Class<?> define(byte[] bytes) {
            return defineClass(CallHeavy.class.getName(), bytes, 0, bytes.length);
        }
    }
}
