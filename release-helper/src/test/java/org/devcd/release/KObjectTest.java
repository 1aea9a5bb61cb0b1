package org.devcd.release;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;

class KObjectTest {
    private final KObject device = new KObject("sample0", java.util.Map.of("state", "ok"));

    /** Attributes are a copy, readable while a reference is held. */
    @Test
    void attributesAreACopy() {
        assertThat(device.tryGet()).isTrue();
        assertThat(device.attributes()).containsExactly(java.util.Map.entry("state", "ok"));
        assertThat(device.name()).isEqualTo("sample0");
        device.put();
    }

    /** With no foreign holder, unregister releases at once. */
    @Test
    void unregisterWithoutHoldersReturnsAtOnce() throws Exception {
        device.unregister(Duration.ZERO);

        assertThat(device.refCnt()).isZero();
        assertThat(device.tryGet()).as("no holder can find it any more").isFalse();
    }

    /** The owner's unregister waits until the foreign holder drops the last reference on its own thread. */
    @Test
    void unregisterWaitsForTheForeignHolder() throws Exception {
        assertThat(device.tryGet()).isTrue();
        CountDownLatch ownerWaiting = new CountDownLatch(1);
        AtomicReference<Throwable> ownerFailure = new AtomicReference<>();
        Thread owner = new Thread(() -> {
            try {
                ownerWaiting.countDown();
                device.unregister(Duration.ofSeconds(30));
            } catch (Throwable t) {
                ownerFailure.set(t);
            }
        }, "owner");
        owner.start();
        ownerWaiting.await();
        awaitState(owner, Thread.State.TIMED_WAITING);

        assertThat(owner.isAlive()).isTrue();
        device.put(); // the foreign, last release: runs the core's complete() on this thread
        owner.join(Duration.ofSeconds(10).toMillis());

        assertThat(owner.isAlive()).isFalse();
        assertThat(ownerFailure.get()).isNull();
        assertThat(device.refCnt()).isZero();
    }

    /** A holder that keeps its reference past the bound makes unregister fail with the count still held. */
    @Test
    void unregisterReportsAHolderPastTheBound() {
        assertThat(device.tryGet()).isTrue();

        assertThatThrownBy(() -> device.unregister(Duration.ofMillis(5)))
                .isInstanceOf(TimeoutException.class)
                .hasMessage("kobject 'sample0': 1 reference(s) still held after PT0.005S");
        device.put();
        assertThat(device.refCnt()).isZero();
    }

    private static void awaitState(Thread thread, Thread.State state) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (thread.getState() != state) {
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError(thread.getName() + " never reached " + state + ": " + thread.getState());
            }
            Thread.onSpinWait();
        }
    }
}
