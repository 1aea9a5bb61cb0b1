package org.devcd.core.internal.coredump;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.Callable;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * One pending timeout of a {@link LaneTimer}: the task and its deadline ({@code System.nanoTime()} based), and one state
 * word that the timer thread and a canceller race on, each with one CAS, so that exactly one of them wins:
 * {@code PENDING -> CANCELLED} (cancel returns true, the task never runs) or {@code PENDING -> FIRED} (the task runs,
 * cancel returns false). Only the cancel half of {@link Future} is meaningful; nothing waits for a timeout's result.
 */
final class Timeout implements Future<Void> {
    private static final int PENDING = 0;
    private static final int CANCELLED = 1;
    private static final int FIRED = 2;
    private static final VarHandle STATE;

    static {
        try {
            STATE = MethodHandles.lookup().findVarHandle(Timeout.class, "state", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    final Callable<?> task;
    final long deadline;
    private volatile int state;

    Timeout(Callable<?> task, long deadline) {
        this.task = task;
        this.deadline = deadline;
    }

    /** Claims the run for the timer thread; false if cancelled first. */
    boolean fire() {
        return STATE.compareAndSet(this, PENDING, FIRED);
    }

    @Override
    public boolean cancel(boolean mayInterruptIfRunning) {
        return STATE.compareAndSet(this, PENDING, CANCELLED);
    }

    @Override
    public boolean isCancelled() {
        return state == CANCELLED;
    }

    @Override
    public boolean isDone() {
        return state != PENDING;
    }

    /** @throws UnsupportedOperationException always: nothing waits for a timeout */
    @Override
    public Void get() {
        throw new UnsupportedOperationException("a coredump timeout has no result to wait for");
    }

    /** @throws UnsupportedOperationException always: nothing waits for a timeout */
    @Override
    public Void get(long timeout, TimeUnit unit) {
        throw new UnsupportedOperationException("a coredump timeout has no result to wait for");
    }
}
