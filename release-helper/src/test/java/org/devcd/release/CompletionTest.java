package org.devcd.release;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;

class CompletionTest {
    private final Completion completion = new Completion();

    /** A new completion has no signal and a bounded wait for it times out. */
    @Test
    void newCompletionIsNotDone() throws InterruptedException {
        assertThat(completion.isDone()).isFalse();
        assertThat(completion.await(Duration.ofMillis(1))).isFalse();
    }

    /** Each complete() is one signal; each await consumes one, as wait_for_completion does. */
    @Test
    void completeAddsOneSignalThatOneAwaitConsumes() throws InterruptedException {
        completion.complete();
        completion.complete();

        assertThat(completion.await(Duration.ZERO)).isTrue();
        assertThat(completion.isDone()).isTrue();
        assertThat(completion.await(Duration.ZERO)).isTrue();
        assertThat(completion.isDone()).isFalse();
        assertThat(completion.await(Duration.ZERO)).isFalse();
    }

    /** completeAll makes every later await return, and complete() after it changes nothing. */
    @Test
    void completeAllIsForGood() throws InterruptedException {
        completion.completeAll();
        completion.complete();

        for (int i = 0; i < 3; i++) {
            assertThat(completion.await(Duration.ZERO)).isTrue();
        }
        assertThat(completion.isDone()).isTrue();
        assertThat(completion.toString()).endsWith("[done for good]");
    }

    /** A waiter blocked in await() returns once another thread completes, and sees what that thread wrote before. */
    @Test
    void awaitReturnsAfterCompleteFromAnotherThread() throws Exception {
        int[] written = new int[1];
        AtomicBoolean sawWrite = new AtomicBoolean();
        Thread waiter = Threads.start("waiter", () -> {
            try {
                completion.await();
                sawWrite.set(written[0] == 42);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        Threads.awaitBlocked(waiter);

        written[0] = 42;
        completion.complete();
        Threads.join(waiter);

        assertThat(sawWrite).isTrue();
        assertThat(completion.isDone()).as("the waiter consumed the signal").isFalse();
    }

    /** An interrupted await throws and consumes no signal. */
    @Test
    void interruptedAwaitConsumesNothing() {
        Thread.currentThread().interrupt();

        assertThatThrownBy(completion::await).isInstanceOf(InterruptedException.class);
        completion.complete();
        assertThat(completion.isDone()).isTrue();
    }

    /** A timeout too long for nanoseconds waits as long as it can rather than overflowing. */
    @Test
    void hugeTimeoutSaturates() throws InterruptedException {
        completion.complete();

        assertThat(completion.await(Duration.ofSeconds(Long.MAX_VALUE))).isTrue();
        assertThat(Completion.toNanosSaturated(Duration.ofSeconds(Long.MAX_VALUE))).isEqualTo(Long.MAX_VALUE);
        assertThat(Completion.toNanosSaturated(Duration.ofSeconds(Long.MIN_VALUE))).isEqualTo(Long.MIN_VALUE);
    }

    /** toString counts the signals. */
    @Test
    void toStringCountsSignals() {
        completion.complete();

        assertThat(completion.toString()).matches("Completion@\\p{XDigit}+\\[signals=1]");
    }
}
