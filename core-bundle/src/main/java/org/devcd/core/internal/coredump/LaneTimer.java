package org.devcd.core.internal.coredump;

import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.Comparator;
import java.util.Queue;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Future;
import java.util.concurrent.PriorityBlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * The timeouts on one thread of their own, in one FIFO lane per timeout length. Almost every dump has the configured
 * default timeout, and the deadlines of one length grow with the order of registration, so a lane is a queue in
 * deadline order: arming a timeout appends to it (no heap, no lock, no wake-up unless the lane was empty), cancelling one
 * is one CAS on the timeout, and the timer thread only looks at the head of each lane. Cancelled timeouts stay queued
 * until they reach the head, or until {@link #COMPACT_EVERY} cancellations have piled up and the canceller that
 * reaches the count unlinks them all (so a lane holds at most that many besides the live ones). Lanes are never
 * dropped, so their number is bounded: past {@link #MAX_LANES} distinct lengths (drivers may pass any timeout), further
 * lengths share one lane ordered by deadline, a priority queue.
 *
 * <p>Two registrations that race may append their deadlines a few microseconds out of order; the later of them then
 * fires that much late, never early.
 *
 * <p>A timeout task only decides and unlists; the rest of the deletion (drain, {@code free()}) runs elsewhere, so a
 * driver whose {@code free()} hangs never holds this thread.
 *
 * <p>Thread-safety: {@link #schedule}, {@link #cancelled} and {@link #stop} may be called from any thread.
 */
final class LaneTimer implements DumpTimer {
    static final int COMPACT_EVERY = 1024;
    static final int MAX_LANES = 64;
    private static final System.Logger LOG = System.getLogger(LaneTimer.class.getName());

    /** A FIFO of the timeouts of one length. */
    private record Lane(long delayNanos, Queue<Timeout> queue) {
    }

    private final ConcurrentHashMap<Long, Lane> lanes = new ConcurrentHashMap<>();
    /** The timeouts of every length past the first {@link #MAX_LANES}, in deadline order. */
    private final Lane mixed = new Lane(-1, new PriorityBlockingQueue<>(16, Comparator.comparingLong(t -> t.deadline)));
    /** The lane used last: nearly every dump has the default timeout, so arming rarely looks up the map. */
    private volatile Lane last;
    private final AtomicInteger cancelled = new AtomicInteger();
    private final Thread thread;
    private volatile boolean stopped;

    /** Starts the timer's daemon thread, called {@code name}. */
    LaneTimer(String name) {
        thread = new Thread(this::run, name);
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public Future<?> schedule(Callable<?> task, Duration delay) {
        long delayNanos = delay.toNanos();
        Lane lane = last;
        if (lane == null || lane.delayNanos != delayNanos) {
            lane = lanes.get(delayNanos);
            if (lane == null) {
                lane = lanes.size() < MAX_LANES
                        ? lanes.computeIfAbsent(delayNanos, d -> new Lane(d, new ConcurrentLinkedQueue<>()))
                        : mixed;
            }
            last = lane;
        }
        Timeout timeout = new Timeout(task, System.nanoTime() + delayNanos);
        lane.queue.offer(timeout);
        if (lane.queue.peek() == timeout) {
            LockSupport.unpark(thread); // a new head: the timer may be waiting for a later deadline, or for nothing
        }
        return timeout;
    }

    @Override
    public void cancelled() {
        if (cancelled.incrementAndGet() % COMPACT_EVERY == 0) {
            for (Lane lane : lanes.values()) {
                lane.queue.removeIf(Timeout::isCancelled);
            }
            mixed.queue.removeIf(Timeout::isCancelled);
        }
    }

    /** Ends the timer thread; pending timeouts never fire. */
    void stop() {
        stopped = true;
        LockSupport.unpark(thread);
    }

    /** @return how many timeouts are queued, cancelled ones included */
    int queued() {
        return lanes.values().stream().mapToInt(lane -> lane.queue.size()).sum() + mixed.queue.size();
    }

    /** @return how many FIFO lanes there are (at most {@link #MAX_LANES}) */
    int lanes() {
        return lanes.size();
    }

    private void run() {
        while (!stopped) {
            long now = System.nanoTime();
            long wait = Long.MAX_VALUE;
            for (Lane lane : lanes.values()) {
                wait = Math.min(wait, fireDue(lane.queue, now));
            }
            wait = Math.min(wait, fireDue(mixed.queue, now));
            if (wait == Long.MAX_VALUE) {
                LockSupport.park(this);
            } else if (wait > 0) {
                LockSupport.parkNanos(this, wait);
            }
        }
    }

    /** Fires the due timeouts at the head of {@code queue}; @return nanoseconds until its next deadline, or MAX_VALUE */
    private static long fireDue(Queue<Timeout> queue, long now) {
        for (Timeout head = queue.peek(); head != null; head = queue.peek()) {
            long left = head.deadline - now;
            if (left > 0 && !head.isCancelled()) {
                return left;
            }
            queue.poll();
            if (left <= 0 && head.fire()) {
                try {
                    head.task.call();
                } catch (Exception | LinkageError e) {
                    LOG.log(Level.WARNING, "a coredump timeout failed; the other timeouts go on", e);
                }
            }
        }
        return Long.MAX_VALUE;
    }
}
