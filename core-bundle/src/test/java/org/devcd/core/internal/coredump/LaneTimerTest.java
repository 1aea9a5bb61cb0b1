package org.devcd.core.internal.coredump;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The production timer: due timeouts fire on its thread, in every lane; a cancelled one never fires and a fired one
 * cannot be cancelled; cancelled timeouts are unlinked in batches; a task that throws does not stop the others.
 * Hand-offs by latches; no timing is asserted.
 */
class LaneTimerTest {
    private static final Duration LONG = Duration.ofHours(1);

    private final LaneTimer timer = new LaneTimer("lane-timer-test");

    @AfterEach
    void stop() {
        timer.stop();
    }

    @Test
    void dueTimeoutsFireInEveryLaneAndOnlyOnce() throws InterruptedException {
        CountDownLatch fired = new CountDownLatch(3);
        List<Future<?>> timeouts = new ArrayList<>();
        timeouts.add(timer.schedule(() -> countDown(fired), Duration.ZERO));
        timeouts.add(timer.schedule(() -> countDown(fired), Duration.ofMillis(1)));
        timeouts.add(timer.schedule(() -> countDown(fired), Duration.ofMillis(2)));

        assertThat(fired.await(30, TimeUnit.SECONDS)).isTrue();
        assertThat(timeouts).allSatisfy(timeout -> {
            assertThat(timeout.isDone()).isTrue();
            assertThat(timeout.cancel(false)).as("a fired timeout cannot be cancelled").isFalse();
        });
    }

    /** The timer thread is held by a first task while a due timeout is cancelled, so the cancel surely wins. */
    @Test
    void aCancelledTimeoutNeverFiresWhileLaterOnesDo() throws InterruptedException {
        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        timer.schedule(() -> {
            holding.countDown();
            return release.await(30, TimeUnit.SECONDS);
        }, Duration.ZERO);
        assertThat(holding.await(30, TimeUnit.SECONDS)).isTrue();

        AtomicBoolean ranCancelled = new AtomicBoolean();
        Future<?> cancelled = timer.schedule(() -> ranCancelled.getAndSet(true), Duration.ZERO);
        assertThat(cancelled.cancel(false)).isTrue();
        assertThat(cancelled.cancel(false)).as("cancelled once").isFalse();
        CountDownLatch after = new CountDownLatch(1);
        timer.schedule(() -> countDown(after), Duration.ZERO); // same length: queued behind the cancelled one
        release.countDown();

        assertThat(after.await(30, TimeUnit.SECONDS)).isTrue();
        assertThat(ranCancelled).isFalse();
        assertThat(cancelled.isCancelled()).isTrue();
    }

    @Test
    void aTaskThatThrowsDoesNotStopTheTimer() throws InterruptedException {
        timer.schedule(() -> {
            throw new IllegalStateException("a failing timeout");
        }, Duration.ZERO);
        CountDownLatch next = new CountDownLatch(1);
        timer.schedule(() -> countDown(next), Duration.ZERO);
        assertThat(next.await(30, TimeUnit.SECONDS)).isTrue();
    }

    /** Cancelled timeouts stay queued up to COMPACT_EVERY, and the cancellation that reaches it unlinks them all. */
    @Test
    void cancelledTimeoutsAreUnlinkedInBatches() {
        int batch = LaneTimer.COMPACT_EVERY;
        timer.schedule(() -> true, LONG);
        List<Future<?>> pending = new ArrayList<>();
        for (int i = 0; i < batch; i++) {
            pending.add(timer.schedule(() -> true, LONG));
        }
        for (int i = 0; i < batch - 1; i++) {
            assertThat(pending.get(i).cancel(false)).isTrue();
            timer.cancelled();
        }
        assertThat(timer.queued()).isEqualTo(batch + 1);

        assertThat(pending.get(batch - 1).cancel(false)).isTrue();
        timer.cancelled();
        assertThat(timer.queued()).as("only the live timeout is left").isEqualTo(1);
    }

    /**
     * Drivers may pass any timeout: past MAX_LANES distinct lengths the timer keeps no more lanes, and the timeouts of
     * the other lengths, in their shared lane, still fire (here the later-registered, earlier-due ones first).
     */
    @Test
    void distinctLengthsBeyondTheLaneLimitShareOneLane() throws InterruptedException {
        for (int i = 0; i < LaneTimer.MAX_LANES + 100; i++) {
            timer.schedule(() -> true, LONG.plusMillis(i));
        }
        assertThat(timer.lanes()).isEqualTo(LaneTimer.MAX_LANES);
        assertThat(timer.queued()).isEqualTo(LaneTimer.MAX_LANES + 100);

        List<String> fired = new CopyOnWriteArrayList<>();
        CountDownLatch both = new CountDownLatch(2);
        timer.schedule(() -> record(fired, "later", both), Duration.ofMillis(200));
        timer.schedule(() -> record(fired, "sooner", both), Duration.ofMillis(1));
        assertThat(both.await(30, TimeUnit.SECONDS)).isTrue();
        assertThat(fired).containsExactly("sooner", "later");
    }

    private static Void record(List<String> fired, String which, CountDownLatch latch) {
        fired.add(which);
        latch.countDown();
        return null;
    }

    private static Void countDown(CountDownLatch latch) {
        latch.countDown();
        return null;
    }
}
