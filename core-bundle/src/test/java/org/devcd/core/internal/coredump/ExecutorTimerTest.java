package org.devcd.core.internal.coredump;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledThreadPoolExecutor;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The production timer keeps cancelled timeouts queued only until a batch of them is dropped together. */
class ExecutorTimerTest {
    private final ScheduledThreadPoolExecutor timeouts = new ScheduledThreadPoolExecutor(1);
    private final ExecutorTimer timer = new ExecutorTimer(timeouts);

    @AfterEach
    void stop() {
        timeouts.shutdownNow();
    }

    /** Cancelled tasks stay queued up to PURGE_EVERY, and the cancellation that reaches it drops them all. */
    @Test
    void cancelledTasksAreDroppedInBatches() {
        int batch = ExecutorTimer.PURGE_EVERY;
        Future<?> live = timer.schedule(() -> true, Duration.ofMinutes(5));
        List<Future<?>> pending = new ArrayList<>();
        for (int i = 0; i < batch; i++) {
            pending.add(timer.schedule(() -> true, Duration.ofMinutes(5)));
        }

        for (int i = 0; i < batch - 1; i++) {
            assertThat(pending.get(i).cancel(false)).isTrue();
            timer.cancelled();
        }
        assertThat(timeouts.getQueue()).hasSize(batch + 1);
        assertThat(pending.get(batch - 1).cancel(false)).isTrue();
        timer.cancelled();

        assertThat(timeouts.getQueue()).containsExactly((Runnable) live);
    }
}
