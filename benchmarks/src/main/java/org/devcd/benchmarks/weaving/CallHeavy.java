package org.devcd.benchmarks.weaving;

import java.util.function.IntUnaryOperator;

/**
 * The worst case for the stale-code detector: nothing but small calls. Every method is entered often and makes calls,
 * and the woven check runs at each entry and after each call. Loaded twice by {@link WeavingBenchmark}, as it is and
 * woven; it implements a JDK interface so that both copies are called the same way.
 */
public final class CallHeavy implements IntUnaryOperator {

    @Override
    public int applyAsInt(int n) {
        return fib(n);
    }

    private static int fib(int n) {
        return n < 2 ? leaf(n) : add(fib(n - 1), fib(n - 2));
    }

    private static int leaf(int n) {
        return n;
    }

    private static int add(int a, int b) {
        return a + b;
    }
}
