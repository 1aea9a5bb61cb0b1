package org.devcd.release;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

/**
 * Stress of {@link Gate}: callers hammer a gate while it is closed and drained, 1,000 times. The invariants hold in every
 * round: when the drain returns no call is inside, and no call enters after the drain returned.
 */
class GateStressTest {
    private static final int CALLERS = 3;
    private static final int ROUNDS = 1_000;

    /** After closeAndDrain returns, nothing is inside and nothing gets in. */
    @Test
    void drainReturnsOnlyWhenEmptyAndNothingEntersAfter() throws Exception {
        AtomicLong insideAtDrain = new AtomicLong();
        AtomicLong enteredAfterDrain = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(CALLERS);
        try {
            for (int round = 0; round < ROUNDS; round++) {
                Gate gate = new Gate("stress " + round);
                AtomicInteger inside = new AtomicInteger();
                AtomicInteger drainReturned = new AtomicInteger();
                CountDownLatch running = new CountDownLatch(CALLERS);
                List<Future<?>> callers = new ArrayList<>();
                for (int c = 0; c < CALLERS; c++) {
                    callers.add(pool.submit(() -> {
                        running.countDown();
                        while (!gate.isClosed() || !gate.isDrained()) {
                            try (Gate.Pass pass = gate.enter()) {
                                if (drainReturned.get() != 0) {
                                    enteredAfterDrain.incrementAndGet();
                                }
                                inside.incrementAndGet();
                                inside.decrementAndGet();
                            } catch (GateClosedException refused) {
                                // expected once the gate is closed
                            }
                        }
                        return null;
                    }));
                }
                running.await();
                gate.closeAndDrain(Duration.ofSeconds(30));
                drainReturned.set(1);
                insideAtDrain.addAndGet(inside.get());
                for (Future<?> caller : callers) {
                    caller.get(1, TimeUnit.MINUTES);
                }
                assertThat(gate.inFlight()).isZero();
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(insideAtDrain.get()).isZero();
        assertThat(enteredAfterDrain.get()).isZero();
    }
}
