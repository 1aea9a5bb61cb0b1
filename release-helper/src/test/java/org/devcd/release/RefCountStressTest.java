package org.devcd.release;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

/**
 * Netty-grade stress of {@link RefCount}: 4 threads race over 10,000 counts; the invariants hold in every round, whatever
 * the interleaving: exactly one release per count wins, and no tryRetain succeeds once the release has run.
 */
class RefCountStressTest {
    private static final int THREADS = 4;
    private static final int ROUNDS = 10_000;

    /** Exactly one release wins per count; nothing is retained after zero; no misuse exception is ever raised. */
    @Test
    void exactlyOneReleaseWinsAndNothingIsRetainedAfterZero() throws Exception {
        Completion[] released = new Completion[ROUNDS];
        RefCount[] refs = new RefCount[ROUNDS];
        for (int r = 0; r < ROUNDS; r++) {
            released[r] = new Completion();
            refs[r] = new RefCount(ReleaseAction.complete(released[r]));
            for (int t = 1; t < THREADS; t++) {
                refs[r].retain(); // one reference per thread, handed over by the loop below
            }
        }
        AtomicIntegerArray wins = new AtomicIntegerArray(ROUNDS);
        AtomicLong retainedAfterZero = new AtomicLong();
        CyclicBarrier start = new CyclicBarrier(THREADS);

        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<?>> workers = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                workers.add(pool.submit(() -> {
                    start.await();
                    for (int r = 0; r < ROUNDS; r++) {
                        RefCount ref = refs[r];
                        // A lookup-style reference on top of our own one: it must always succeed.
                        if (!ref.tryRetain()) {
                            throw new AssertionError("tryRetain failed while holding a reference: " + ref);
                        }
                        count(ref.release(), wins, r);
                        count(ref.release(), wins, r); // our own reference
                        // After our own release the count may be zero: a retain now must fail if the release ran.
                        boolean signalled = released[r].isDone();
                        if (ref.tryRetain()) {
                            if (signalled) {
                                retainedAfterZero.incrementAndGet();
                            }
                            count(ref.release(), wins, r);
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> worker : workers) {
                worker.get(2, TimeUnit.MINUTES);
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(retainedAfterZero.get()).isZero();
        for (int r = 0; r < ROUNDS; r++) {
            assertThat(wins.get(r)).as("wins of round %d", r).isEqualTo(1);
            assertThat(refs[r].isReleased()).isTrue();
            assertThat(released[r].isDone()).isTrue();
        }
    }

    private static void count(boolean won, AtomicIntegerArray wins, int round) {
        if (won) {
            wins.incrementAndGet(round);
        }
    }
}
