package org.devcd.driver.naive;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

import org.devcd.release.debug.ReleaseDebug;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Outside OSGi the naive object "works"; what this shows is where the foreign thread is at step 7: held right after
 * complete(), with this bundle's release method still on its stack, about to run more of this bundle's code. (Steps as
 * numbered in {@code docs/kernel-lessons.md#dm-builtin}.)
 */
class NaiveObjectTest {
    @AfterEach
    void disarm() {
        ReleaseDebug.off();
    }

    /** At the preemption point the releasing thread is inside the driver's own release method. */
    @Test
    void theForeignThreadIsInsideDriverCodeAfterSignalling() throws Exception {
        NaiveObject shared = new NaiveObject("naive0");
        assertThat(shared.tryGet()).isTrue();
        CountDownLatch go = new CountDownLatch(1);
        Thread foreign = new Thread(() -> {
            await(go);
            shared.put();
        }, "foreign");
        foreign.start();
        try (ReleaseDebug.Preemption hold = ReleaseDebug.holdAfterComplete(foreign, Duration.ofSeconds(30))) {
            Thread owner = new Thread(() -> {
                try {
                    shared.unregister(Duration.ofSeconds(30));
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }, "owner");
            owner.start();
            awaitParked(owner);
            go.countDown();

            hold.awaitArrival(Duration.ofSeconds(10));
            owner.join(Duration.ofSeconds(10).toMillis());
            assertThat(owner.isAlive()).as("the owner's stop is over").isFalse();
            List<String> frames = new ArrayList<>();
            for (StackTraceElement frame : foreign.getStackTrace()) {
                frames.add(frame.getClassName() + "." + frame.getMethodName());
            }
            assertThat(frames).contains("org.devcd.driver.naive.NaiveObject.release");
            assertThat(ReleaseLog.lastReleased()).as("the driver's remaining work has not run yet").isNull();
            hold.resume();
            foreign.join(Duration.ofSeconds(10).toMillis());
        }
        assertThat(ReleaseLog.lastReleased()).isEqualTo("naive0");
    }

    private static void awaitParked(Thread thread) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (thread.getState() != Thread.State.TIMED_WAITING) {
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError(thread.getName() + " never waited: " + thread.getState());
            }
            Thread.onSpinWait();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
