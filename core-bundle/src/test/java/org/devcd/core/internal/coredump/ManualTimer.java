package org.devcd.core.internal.coredump;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.function.Consumer;

/**
 * A {@link DumpTimer} that fires only when the test says so: {@link #fire(int)} runs a scheduled task in the calling
 * thread, cancelled or not (to model a timer that was already running when it was cancelled). A hook can run inside
 * {@code schedule}, the moment the registration arms its timer.
 */
final class ManualTimer implements DumpTimer {
    final List<Scheduled> scheduled = new ArrayList<>();
    private Consumer<Scheduled> onSchedule = s -> { };

    record Scheduled(Callable<?> task, Duration delay, FutureTask<?> future) {
    }

    synchronized void onSchedule(Consumer<Scheduled> hook) {
        onSchedule = hook;
    }

    @Override
    public Future<?> schedule(Callable<?> task, Duration delay) {
        Scheduled entry = new Scheduled(task, delay, new FutureTask<>(task));
        Consumer<Scheduled> hook;
        synchronized (this) {
            scheduled.add(entry);
            hook = onSchedule;
        }
        hook.accept(entry);
        return entry.future();
    }

    synchronized Scheduled get(int index) {
        return scheduled.get(index);
    }

    /** Runs task {@code index} now, in this thread, even if it was cancelled: a timer that had already fired. */
    void fire(int index) {
        try {
            get(index).task().call();
        } catch (Exception e) {
            throw new IllegalStateException("timer task " + index + " threw", e);
        }
    }

    /** Runs task {@code index} the way a real timer would: only if it was not cancelled. */
    void fireIfPending(int index) {
        get(index).future().run();
    }

    boolean isCancelled(int index) {
        return get(index).future().isCancelled();
    }
}
