package org.devcd.core.internal.coredump;

import java.lang.System.Logger.Level;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.time.Instant;
import java.util.concurrent.Future;

import org.devcd.coredump.DumpInfo;
import org.devcd.coredump.DumpSource;
import org.devcd.coredump.RemovalReason;
import org.devcd.release.Completion;
import org.devcd.release.Gate;
import org.devcd.release.GateClosedException;

/**
 * One device coredump, its lifecycle and the steps of its own deletion (invariants I1-I7 and races R1-R14 as numbered in
 * {@code docs/kernel-lessons.md}).
 *
 * <p>States, one atomic field, each transition one CAS; a deletion's reason lives in the same field:
 * <pre>
 *   REGISTERING -> LIVE -> DELETING(reason) -> FREEING(reason) -> FREED(reason)
 *   REGISTERING -> DISCARDED                  (a sweep or the registration itself refused it before it was listed)
 * </pre>
 * REGISTERING: admitted, not yet listed; nothing can delete it (I3). LIVE: listed, readable, deletable. DELETING: exactly
 * one delete path won the CAS (I1) and owns the deletion. FREEING: a thread inside the owner's callbacks gate claimed the
 * {@code free()} call: only a claim made inside the gate frees, so an owner whose gate is closed is never called. FREED:
 * done; the dump holds no reference to the driver's data.
 *
 * <p>Reads hold an active reference ({@link #active}, kernfs' active count). The registry's own "listing" reference is
 * the count's initial one; the deleter drops it and, if reads are still in flight, waits, bounded, for
 * {@link #drained}, which the last reader to leave completes. So {@code free()} runs after every read in flight (I2)
 * unless a read outlived the drain bound, and the deleter holds its own reference while it waits (I6). Zero is terminal:
 * no read enters once the count reached it. The count is a field, not a {@code RefCount} with a release action: the
 * usual deletion, with no reader, needs no completion at all, so none is made.
 */
final class Dump {
    static final int REGISTERING = 0;
    static final int LIVE = 1;
    static final int DISCARDED = 2;
    static final int DELETING = 3;
    static final int FREEING = 4;
    static final int FREED = 5;
    private static final int PHASE_BITS = 4;
    private static final int PHASE_MASK = (1 << PHASE_BITS) - 1;
    private static final RemovalReason[] REASONS = RemovalReason.values();

    private static final System.Logger LOG = System.getLogger(Dump.class.getName());
    private static final VarHandle STATE;
    private static final VarHandle FREED_WAIT;
    private static final VarHandle ACTIVE;
    private static final VarHandle DRAIN_WAIT;
    private static final VarHandle SOURCE;
    private static final VarHandle WHEN_DRAINED;

    static {
        try {
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            STATE = lookup.findVarHandle(Dump.class, "state", int.class);
            FREED_WAIT = lookup.findVarHandle(Dump.class, "freed", Completion.class);
            ACTIVE = lookup.findVarHandle(Dump.class, "active", int.class);
            DRAIN_WAIT = lookup.findVarHandle(Dump.class, "drained", Completion.class);
            SOURCE = lookup.findVarHandle(Dump.class, "source", DumpSource.class);
            WHEN_DRAINED = lookup.findVarHandle(Dump.class, "whenDrained", Runnable.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** Boxed once: the same object is the listing's key, so listing and unlisting box nothing. */
    final Long id;
    final Owner owner;
    final String device;
    final long size;
    /** Milliseconds since the epoch: the listing's precision, and a long costs less than an Instant per dump. */
    final long createdMillis;
    private final long timeoutMillis;
    /**
     * Active references: the listing's, one per read in flight, the registration's until ADDED is queued. Starts at 1,
     * written plainly in the constructor (like {@link #state}'s REGISTERING, the default 0): the dump is published to
     * other threads through the maps, which order those writes, so no fence is paid for them.
     */
    private volatile int active;
    /** Completed once the count reached zero; made only by a deleter that has to wait. Only through DRAIN_WAIT. */
    private volatile Completion drained;
    /** The rest of a deletion that must not wait (see {@link #finishWhenDrained}); taken once, through WHEN_DRAINED. */
    private volatile Runnable whenDrained;

    /** Phase in the low bits, the deletion's reason above them; written only through {@link #STATE}. */
    private volatile int state;
    /** The pending timeout deletion, once armed. */
    private volatile Future<?> timer;
    /** The driver's data; cleared when freed or discarded, so nothing keeps the driver's objects alive. */
    private volatile DumpSource source;
    /** Completed once FREED; made by the first thread that waits for another's deletion. Only through FREED_WAIT. */
    private volatile Completion freed;

    Dump(Long id, Owner owner, String device, DumpSource source, long size, long createdMillis, long timeoutMillis) {
        this.id = id;
        this.owner = owner;
        this.device = device;
        SOURCE.set(this, source);
        ACTIVE.set(this, 1);
        this.size = size;
        this.createdMillis = createdMillis;
        this.timeoutMillis = timeoutMillis;
    }

    /** @return {@code devcdN}, made on each call ({@link DumpNames}) */
    String name() {
        return DumpNames.of(id);
    }

    int phase() {
        return state & PHASE_MASK;
    }

    /** @return which path deleted this dump; only meaningful from DELETING on */
    RemovalReason reason() {
        return REASONS[state >>> PHASE_BITS];
    }

    // ---------------------------------------------------------------- registration

    /** REGISTERING -> LIVE, by the registering thread; false if a sweep refused the dump first. */
    boolean goLive() {
        return STATE.compareAndSet(this, REGISTERING, LIVE);
    }

    /** REGISTERING -> DISCARDED, by a sweep or by the registration itself; false if it went LIVE first. */
    boolean refuse() {
        return STATE.compareAndSet(this, REGISTERING, DISCARDED) || phase() == DISCARDED;
    }

    /** The discarded dump lets go of the driver's data, which the registering thread frees itself. */
    DumpSource takeSourceOfDiscarded() {
        DumpSource taken = source;
        source = null;
        return taken;
    }

    // ---------------------------------------------------------------- deletion, in its order

    /** LIVE -> DELETING: the one CAS every delete path goes through; true for exactly one caller (I1). */
    boolean beginDeletion(RemovalReason reason) {
        return STATE.compareAndSet(this, LIVE, DELETING | reason.ordinal() << PHASE_BITS);
    }

    /**
     * Publishes the armed timeout, then re-checks: if a deletion started meanwhile it may have looked for the timer
     * before it was published, so this cancels it itself. Either way the timer never outlives the dump.
     */
    void armTimer(Future<?> armed) {
        timer = armed;
        if (phase() != LIVE) {
            armed.cancel(false);
        }
    }

    /** @return whether a pending timeout was cancelled; never blocks (a timer that already fired loses the CAS) */
    boolean cancelTimer() {
        Future<?> armed = timer; // only the deleter cancels; a cancel is idempotent and says whether it cancelled
        return armed != null && armed.cancel(false);
    }

    /** The deleter drops the listing reference: from here on only reads in flight keep the dump from draining. */
    void dropListing() {
        releaseActive();
    }

    /** @return whether no active reference is left */
    boolean isDrained() {
        return active == 0;
    }

    /**
     * Waits until {@code deadlineNanos} (a {@link System#nanoTime()} value) for the last read to leave. The waiter
     * publishes its completion, then reads the count; the last reader takes the count to zero, then reads the
     * completion: one of the two sees the other.
     *
     * @return whether every read left in time
     */
    boolean awaitDrained(long deadlineNanos) {
        if (active == 0) {
            return true;
        }
        Completion waiting = publishedWait(DRAIN_WAIT);
        return active == 0 || Waits.awaitUntil(waiting, deadlineNanos);
    }

    /** The registering thread's own reference, taken before the dump goes LIVE: no deletion drains before ADDED. */
    void holdForRegistration() {
        ACTIVE.getAndAdd(this, 1);
    }

    /**
     * Drops an active reference (a read's, the registration's or the listing's); the last one wakes a waiting deleter,
     * or runs the deletion's rest that {@link #finishWhenDrained} left to it.
     */
    void releaseActive() {
        if ((int) ACTIVE.getAndAdd(this, -1) == 1) {
            Completion waiting = drained;
            if (waiting != null) {
                waiting.completeAll();
            }
            if (whenDrained != null) {
                runWhenDrained();
            }
        }
    }

    /**
     * For a deleter that must not wait for the reads in flight because it is one of them (the driver's {@code read()}
     * dismissing or putting its own dump, or disabling): {@code finish} runs once the last active reference is gone,
     * now if it already is, else on the thread that drops it, as that thread leaves its read. The deleter publishes
     * {@code finish}, then reads the count; the last reader takes the count to zero, then reads {@code finish}: one of
     * the two sees the other, and the take in {@link #runWhenDrained} lets only one run it.
     */
    void finishWhenDrained(Runnable finish) {
        WHEN_DRAINED.setVolatile(this, finish);
        if (active == 0) {
            runWhenDrained();
        }
    }

    private void runWhenDrained() {
        if (WHEN_DRAINED.getAndSet(this, null) instanceof Runnable finish) {
            finish.run();
        }
    }

    /**
     * Calls the driver's {@code free()} once: enters the owner's callbacks gate, then claims DELETING -> FREEING inside
     * it. A closed gate means the owner's stop claimed every dump before closing it, so this one is not ours.
     *
     * @return whether this call claimed the free and ran it
     */
    boolean free() {
        Gate.Pass pass;
        try {
            pass = owner.callbacks.enter();
        } catch (GateClosedException stopped) {
            return false;
        }
        try (pass) {
            if (!claimFree()) {
                return false;
            }
            InDriverCode.enter(this);
            try {
                source.free();
            } catch (Throwable e) { // whatever the driver's code throws, Errors too: the dump is freed all the same
                LOG.log(Level.WARNING, this + ": free() threw; the dump is deleted all the same", e);
            } finally {
                InDriverCode.exit();
            }
        }
        markFreed();
        return true;
    }

    /** DELETING(reason) -> FREEING(reason): exactly one thread, the deleter or the owner's stop, frees. */
    private boolean claimFree() {
        int deleting = state;
        return (deleting & PHASE_MASK) == DELETING
                && STATE.compareAndSet(this, deleting, FREEING | deleting & ~PHASE_MASK);
    }

    private void markFreed() {
        SOURCE.setRelease(this, null); // no fence of its own: the state write below is the volatile one
        STATE.setVolatile(this, FREED | state & ~PHASE_MASK);
        Completion waiting = freed;
        if (waiting != null) {
            waiting.completeAll();
        }
    }

    /**
     * Waits until {@code deadlineNanos} for another thread's deletion of this dump to finish. The waiter publishes its
     * completion, then reads the state; the deleter writes FREED, then reads the completion: one of the two sees the
     * other, so the waiter either sees FREED or is woken.
     *
     * @return false only if a deletion in progress did not finish in time
     */
    boolean awaitFreed(long deadlineNanos) {
        int phase = phase();
        if (phase != DELETING && phase != FREEING) {
            return true;
        }
        Completion waiting = publishedWait(FREED_WAIT);
        return phase() == FREED || Waits.awaitUntil(waiting, deadlineNanos);
    }

    /** @return the completion in the field {@code handle} names, made and published by the first waiter */
    private Completion publishedWait(VarHandle handle) {
        Completion waiting = (Completion) handle.getVolatile(this);
        if (waiting != null) {
            return waiting;
        }
        Completion mine = new Completion();
        return handle.compareAndExchange(this, null, mine) instanceof Completion other ? other : mine;
    }

    // ---------------------------------------------------------------- reading

    /** The driver's data for a read that holds an active reference. */
    DumpSource source() {
        return source;
    }

    /**
     * Takes an active reference for a read: only while LIVE, re-checked after the retain, so a read that starts after
     * the deletion began is refused and one that started before keeps the data until it leaves.
     */
    boolean enterRead() {
        if (phase() != LIVE) {
            return false;
        }
        for (int held = active; ; held = active) {
            if (held == 0) {
                return false;
            }
            if (ACTIVE.compareAndSet(this, held, held + 1)) {
                break;
            }
        }
        if (phase() != LIVE) {
            releaseActive();
            return false;
        }
        return true;
    }

    DumpInfo info() {
        Instant created = Instant.ofEpochMilli(createdMillis);
        return new DumpInfo(name(), owner.symbolicName, owner.version, device, size, created,
                created.plusMillis(timeoutMillis));
    }

    @Override
    public String toString() {
        return name() + "[" + owner + ", device '" + device + "', " + stateName(state) + ", active=" + active + "]";
    }

    static String stateName(int state) {
        String[] phases = {"REGISTERING", "LIVE", "DISCARDED", "DELETING", "FREEING", "FREED"};
        String phase = phases[state & PHASE_MASK];
        return (state & PHASE_MASK) >= DELETING ? phase + "(" + REASONS[state >>> PHASE_BITS] + ")" : phase;
    }
}
