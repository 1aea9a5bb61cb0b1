package org.devcd.release;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Counts the calls in flight into code that can go away (a driver bundle), and drains them before it goes: the kernfs
 * "active reference" ({@code kernfs_get_active} / {@code kernfs_put_active} / {@code kernfs_drain}).
 *
 * <pre>{@code
 * try (Gate.Pass pass = gate.enter()) {   // GateClosedException once the driver is stopping
 *     source.read(offset, buffer);        // driver code
 * }
 * ...
 * gate.closeAndDrain(Duration.ofSeconds(5)); // in the driver's stop: refuse new calls, wait for the ones inside
 * }</pre>
 *
 * <p>States: {@code OPEN -> CLOSED}, one bit of one atomic field that also records the calls inside (a bit for each of
 * 16 thread slots, a count for the calls beyond). A closed gate never opens again. {@link #closeAndDrain(Duration)} returns once the count is zero, or throws
 * {@link DrainTimeoutException} naming the threads still inside; it never waits without bound.
 *
 * <p>Thread-safety: all methods may be called from any thread. Memory consistency effects: actions of a thread inside
 * the gate before it {@linkplain Pass#close() leaves} happen-before the return of a {@code closeAndDrain} that saw it
 * leave.
 */
@ProviderType
public final class Gate {
    /** The sign bit of {@link #state}: like kernfs' {@code KN_DEACTIVATED_BIAS}, it makes a closed gate's state negative. */
    private static final long CLOSED = Long.MIN_VALUE;
    private static final int SLOTS = 16;
    /** The low bits of {@link #state}: bit i set while slot i holds a thread inside. */
    private static final long SLOT_BITS = (1L << SLOTS) - 1;
    /** The bits above the slots count the calls inside that found every slot taken. */
    private static final long OVERFLOW_ONE = 1L << SLOTS;
    private static final VarHandle STATE;
    private static final VarHandle SLOT = MethodHandles.arrayElementVarHandle(long[].class);

    static {
        try {
            STATE = MethodHandles.lookup().findVarHandle(Gate.class, "state", long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final String name;
    /**
     * {@link #CLOSED} | overflow count | one bit per taken slot; written only through {@link #STATE}. Entering is one
     * CAS that takes a slot bit (or counts an overflow), leaving one {@code getAndAdd} that gives it back: the same two
     * atomic instructions as a bare counter, and the gate still knows who is inside.
     */
    private volatile long state;
    /**
     * Who is inside, for the drain report: slot i holds the id of the thread that took bit i of {@link #state}, 0 when
     * free. Ids, not threads: a long store has no garbage-collector write barrier, a reference store into an old array
     * can cost a fence on every enter.
     */
    private final long[] slots = new long[SLOTS];
    /**
     * The threads inside that found every slot taken, with how many times each is inside. Threads, not passes: a pass
     * that nothing keeps can live in its caller's registers (escape analysis), so the usual enter costs no allocation.
     */
    private final ConcurrentHashMap<Thread, Integer> overflow = new ConcurrentHashMap<>();
    /** Completed for good once the gate is closed and empty. */
    private final Completion drained = new Completion();

    /**
     * @param name what the gate guards, used in messages, for example {@code "driver org.example.disk 1.0.0"}
     */
    public Gate(String name) {
        Objects.requireNonNull(name, "name");
        if (name.isBlank()) {
            throw new IllegalArgumentException("name: '" + name + "' (expected: not blank)");
        }
        this.name = name;
    }

    /**
     * Enters the gate; close the returned pass when the call is over (try-with-resources).
     *
     * @return the pass of this call
     * @throws GateClosedException {@code gate 'NAME' is closed} once {@link #close()} ran
     */
    public Pass enter() {
        Thread thread = Thread.currentThread();
        // The usual case, an open gate nobody is in, costs one CAS and no read before it; otherwise go on from the
        // value the CAS saw.
        long current = (long) STATE.compareAndExchange(this, 0L, 1L);
        if (current == 0) {
            SLOT.setRelease(slots, 0, thread.getId());
            return new Pass(thread, 0);
        }
        for (;; current = state) {
            if (current < 0) {
                throw new GateClosedException(name);
            }
            int free = ~(int) current & (int) SLOT_BITS;
            if (free != 0) {
                int slot = Integer.numberOfTrailingZeros(free);
                if (STATE.weakCompareAndSet(this, current, current | (1L << slot))) {
                    // The bit is ours until we give it back, and the last holder cleared the slot before it did.
                    SLOT.setRelease(slots, slot, thread.getId());
                    return new Pass(thread, slot);
                }
            } else if (STATE.weakCompareAndSet(this, current, current + OVERFLOW_ONE)) {
                overflow.merge(thread, 1, Integer::sum);
                return new Pass(thread, -1);
            }
        }
    }

    /** Refuses new entries from now on, without waiting for the calls inside. Idempotent. */
    public void close() {
        long old = (long) STATE.getAndBitwiseOr(this, CLOSED);
        if (old == 0) {
            drained.completeAll();
        }
    }

    /**
     * Closes the gate and waits, at most {@code bound}, until no call is inside.
     *
     * @param bound the longest wait, >= 0
     * @throws DrainTimeoutException if calls are still inside after {@code bound}; its message names their threads
     * @throws IllegalStateException if the calling thread is itself inside the gate: it would wait for itself
     * @throws InterruptedException if interrupted while waiting; the gate stays closed
     */
    public void closeAndDrain(Duration bound) throws DrainTimeoutException, InterruptedException {
        Objects.requireNonNull(bound, "bound");
        if (bound.isNegative()) {
            throw new IllegalArgumentException("bound: " + bound + " (expected: >= 0)");
        }
        Thread self = Thread.currentThread();
        if (isInside(self)) {
            throw new IllegalStateException("gate '" + name + "': thread '" + self.getName()
                    + "' is inside the gate and would wait for itself to leave");
        }
        close();
        if (!drained.await(bound)) {
            throw new DrainTimeoutException(name, bound, inFlight(), threadsInside());
        }
    }

    /** @return how many calls are inside now; a snapshot, for diagnostics */
    public int inFlight() {
        long current = state;
        return Long.bitCount(current & SLOT_BITS) + (int) ((current & ~CLOSED) >>> SLOTS);
    }

    /** @return whether {@link #close()} ran */
    public boolean isClosed() {
        return state < 0;
    }

    /** @return whether the gate is closed and no call is inside */
    public boolean isDrained() {
        return drained.isDone();
    }

    /** @return the threads inside now (a thread inside twice is listed twice); a snapshot, for diagnostics */
    public List<Thread> threadsInside() {
        List<Thread> inside = new ArrayList<>();
        Map<Long, Thread> live = null;
        for (int i = 0; i < SLOTS; i++) {
            long id = (long) SLOT.getAcquire(slots, i);
            if (id != 0) {
                if (live == null) {
                    live = liveThreads();
                }
                Thread thread = live.get(id);
                if (thread != null) { // null: it left and ended between the read and the look-up
                    inside.add(thread);
                }
            }
        }
        overflow.forEach((thread, times) -> {
            for (int i = 0; i < times; i++) {
                inside.add(thread);
            }
        });
        return inside;
    }

    /**
     * @param thread a thread, usually the current one
     * @return whether {@code thread} is inside this gate now: for the current thread an exact answer, for another a
     *     snapshot. Lets long-lived code tell a call back from inside driver code (which must never wait for the
     *     driver's own calls to leave) from any other call.
     */
    public boolean isInside(Thread thread) {
        long id = thread.getId();
        for (int i = 0; i < SLOTS; i++) {
            if ((long) SLOT.getAcquire(slots, i) == id) {
                return true;
            }
        }
        return overflow.containsKey(thread);
    }

    /** Every live thread by id, from the root thread group (diagnostics only: it walks all threads). */
    private static Map<Long, Thread> liveThreads() {
        ThreadGroup root = Thread.currentThread().getThreadGroup();
        while (root.getParent() != null) {
            root = root.getParent();
        }
        Thread[] threads = new Thread[root.activeCount() + 16];
        int count;
        while ((count = root.enumerate(threads, true)) == threads.length) {
            threads = new Thread[threads.length * 2];
        }
        Map<Long, Thread> byId = new HashMap<>();
        for (int i = 0; i < count; i++) {
            byId.put(threads[i].getId(), threads[i]);
        }
        return byId;
    }

    /** @return the name given at construction */
    public String name() {
        return name;
    }

    @Override
    public String toString() {
        return "Gate[" + name + ", " + (isClosed() ? "closed" : "open") + ", inFlight=" + inFlight() + "]";
    }

    /**
     * One call inside the gate. Close it exactly once, when the call is over; it may be closed by another thread than
     * the one that entered, if that thread handed it over with a happens-before edge.
     */
    @ProviderType
    public final class Pass implements AutoCloseable {
        private final Thread thread;
        private final int slot;
        private boolean left;

        private Pass(Thread thread, int slot) {
            this.thread = thread;
            this.slot = slot;
        }

        /**
         * Leaves the gate.
         *
         * @throws IllegalStateException {@code gate 'NAME': pass of 'THREAD' already left} on a second close
         */
        @Override
        public void close() {
            if (left) {
                throw new IllegalStateException("gate '" + name + "': pass of '" + thread.getName() + "' already left");
            }
            left = true;
            long taken;
            if (slot >= 0) {
                SLOT.setRelease(slots, slot, 0L); // before the bit goes back: the next holder's id stays
                taken = 1L << slot;
            } else {
                overflow.computeIfPresent(thread, (inside, times) -> times == 1 ? null : times - 1);
                taken = OVERFLOW_ONE;
            }
            long now = (long) STATE.getAndAdd(Gate.this, -taken) - taken;
            if (now == CLOSED) {
                drained.completeAll();
            }
        }

        @Override
        public String toString() {
            return "Pass[" + name + ", " + thread.getName() + (left ? ", left" : "") + "]";
        }
    }
}
