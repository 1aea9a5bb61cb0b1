package org.devcd.release;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;

class GateTest {
    private final Gate gate = new Gate("driver test");

    /** Entering counts a call in flight; leaving uncounts it. */
    @Test
    void enterAndLeaveCountCallsInFlight() {
        Gate.Pass outer = gate.enter();
        Gate.Pass nested = gate.enter();

        assertThat(gate.inFlight()).isEqualTo(2);
        assertThat(gate.threadsInside()).containsExactly(Thread.currentThread(), Thread.currentThread());
        nested.close();
        outer.close();
        assertThat(gate.inFlight()).isZero();
        assertThat(gate.threadsInside()).isEmpty();
    }

    /** A closed gate refuses entry with an exact message and counts nothing. */
    @Test
    void closedGateRefusesEntry() {
        gate.close();

        assertThatThrownBy(gate::enter).isInstanceOf(GateClosedException.class)
                .hasMessage("gate 'driver test' is closed");
        assertThat(gate.inFlight()).isZero();
        assertThat(gate.isClosed()).isTrue();
        assertThat(gate.isDrained()).isTrue();
    }

    /** Draining an empty gate returns at once and leaves it closed and drained. */
    @Test
    void drainOfAnEmptyGateReturnsAtOnce() throws Exception {
        gate.closeAndDrain(Duration.ZERO);

        assertThat(gate.isDrained()).isTrue();
        assertThat(gate.toString()).isEqualTo("Gate[driver test, closed, inFlight=0]");
    }

    /** A drain waits for the call inside, then returns; the call finished before the drain returned. */
    @Test
    void drainWaitsForTheCallInside() throws Exception {
        CountDownLatch finish = new CountDownLatch(1);
        Thread caller = callerInside("caller", finish);
        AtomicReference<Throwable> drainFailure = new AtomicReference<>();
        Thread drainer = Threads.start("drainer", () -> {
            try {
                gate.closeAndDrain(Duration.ofSeconds(30));
            } catch (Throwable t) {
                drainFailure.set(t);
            }
        });
        Threads.awaitBlocked(drainer);

        assertThat(gate.isClosed()).isTrue();
        assertThat(gate.isDrained()).isFalse();
        assertThat(drainer.isAlive()).isTrue();
        finish.countDown();
        Threads.join(drainer);
        Threads.join(caller);

        assertThat(drainFailure.get()).isNull();
        assertThat(gate.isDrained()).isTrue();
    }

    /** An expired drain names the gate, the bound, the count and the stuck thread with its frame. */
    @Test
    void expiredDrainNamesTheThreadsInside() throws Exception {
        CountDownLatch finish = new CountDownLatch(1);
        Thread stuck = callerInside("stuck-reader", finish);
        Threads.awaitBlocked(stuck);

        assertThatThrownBy(() -> gate.closeAndDrain(Duration.ofMillis(20)))
                .isInstanceOf(DrainTimeoutException.class)
                .hasMessageStartingWith("gate 'driver test' still has 1 call in flight after PT0.02S: "
                        + "'stuck-reader' (WAITING) at org.devcd.release.GateTest")
                .satisfies(e -> {
                    DrainTimeoutException timeout = (DrainTimeoutException) e;
                    assertThat(timeout.threads()).containsExactly(stuck);
                    assertThat(timeout.inFlight()).isEqualTo(1);
                });
        assertThat(gate.isClosed()).as("the gate stays closed").isTrue();
        finish.countDown();
        Threads.join(stuck);
        assertThat(gate.isDrained()).isTrue();
    }

    /** A second close of one pass throws instead of corrupting the count. */
    @Test
    void passClosedTwiceThrows() {
        Gate.Pass pass = gate.enter();
        Gate.Pass other = gate.enter();
        pass.close();

        assertThatThrownBy(pass::close).isInstanceOf(IllegalStateException.class)
                .hasMessage("gate 'driver test': pass of '" + Thread.currentThread().getName() + "' already left");
        assertThat(gate.inFlight()).isEqualTo(1);
        other.close();
    }

    /** A thread inside the gate cannot drain it: it would wait for itself. */
    @Test
    void drainFromInsideIsRefused() {
        try (Gate.Pass pass = gate.enter()) {
            assertThatThrownBy(() -> gate.closeAndDrain(Duration.ofSeconds(1)))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessage("gate 'driver test': thread '" + Thread.currentThread().getName()
                            + "' is inside the gate and would wait for itself to leave");
            assertThat(gate.isClosed()).as("refused before closing").isFalse();
        }
    }

    /** Bad arguments get exact messages. */
    @Test
    void badArgumentsAreRejected() {
        assertThatThrownBy(() -> gate.closeAndDrain(Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("bound: PT-1S (expected: >= 0)");
        assertThatThrownBy(() -> new Gate(" ")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("name: ' ' (expected: not blank)");
        assertThatThrownBy(() -> new Gate(null)).isInstanceOf(NullPointerException.class).hasMessage("name");
        assertThat(gate.isClosed()).isFalse();
    }

    /** More callers than slots are all counted and all reported, and the gate drains when they leave. */
    @Test
    void moreCallersThanSlotsAreAllReported() throws Exception {
        int callers = 40;
        CountDownLatch finish = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < callers; i++) {
            threads.add(callerInside("caller-" + i, finish));
        }

        assertThat(gate.inFlight()).isEqualTo(callers);
        assertThat(gate.threadsInside()).containsExactlyInAnyOrderElementsOf(threads);
        finish.countDown();
        gate.closeAndDrain(Duration.ofSeconds(30));
        for (Thread thread : threads) {
            Threads.join(thread);
        }
        assertThat(gate.threadsInside()).isEmpty();
        assertThat(gate.isDrained()).isTrue();
    }

    /** Starts a thread that enters the gate and stays inside until {@code finish} opens; returns once it is inside. */
    private Thread callerInside(String name, CountDownLatch finish) throws InterruptedException {
        CountDownLatch entered = new CountDownLatch(1);
        Thread caller = Threads.start(name, () -> {
            try (Gate.Pass pass = gate.enter()) {
                entered.countDown();
                finish.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        entered.await();
        return caller;
    }
}
