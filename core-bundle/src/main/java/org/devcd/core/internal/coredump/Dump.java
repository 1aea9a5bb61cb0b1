package org.devcd.core.internal.coredump;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Future;

import org.devcd.coredump.DumpInfo;
import org.devcd.coredump.DumpSource;
import org.devcd.release.Completion;
import org.devcd.release.RefCount;
import org.devcd.release.ReleaseAction;

/**
 * One device coredump and its lifecycle.
 *
 * <p>States, one atomic field, each transition one CAS:
 * <pre>
 *   REGISTERING -> LIVE -> DELETING -> FREED
 * </pre>
 * REGISTERING: admitted, not yet listed; nothing can delete it (I3). LIVE: listed, readable, deletable. DELETING: exactly
 * one delete path won the CAS (I1) and owns the rest of the deletion. FREED: the source's {@code free()} ran and the dump
 * holds no reference to it any more.
 *
 * <p>Reads hold an active reference ({@link #active}, kernfs style). The registry's own "listing" reference is the
 * count's initial one; the deleter drops it and waits for {@link #drained}, which the core's release action signals when
 * the last reader leaves. So {@code free()} runs after every read in flight (I2), and the deleter holds its own reference
 * while it waits (I6).
 */
final class Dump {
    static final int REGISTERING = 0;
    static final int LIVE = 1;
    static final int DELETING = 2;
    static final int FREED = 3;

    /** Every name is this prefix and the id: the name is made when asked for, not kept (a live dump is small). */
    static final String NAME_PREFIX = "devcd";

    private static final VarHandle STATE;
    private static final VarHandle TIMER;
    private static final VarHandle FREED_WAIT;
    private static final VarHandle SOURCE;

    static {
        try {
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            STATE = lookup.findVarHandle(Dump.class, "state", int.class);
            TIMER = lookup.findVarHandle(Dump.class, "timer", Future.class);
            FREED_WAIT = lookup.findVarHandle(Dump.class, "freed", Completion.class);
            SOURCE = lookup.findVarHandle(Dump.class, "source", DumpSource.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    final long id;
    final Owner owner;
    final String device;
    final long size;
    /** Milliseconds since the epoch: the listing's precision, and a long costs less than an Instant per dump. */
    final long createdMillis;
    private final Duration timeout;
    /** Completed for good once the last active reference (the listing one or a reader's) is gone. */
    final Completion drained = new Completion();
    final RefCount active = new RefCount(ReleaseAction.completeAll(drained));

    /** Written only through {@link #STATE}. */
    private volatile int state = REGISTERING;
    /** The pending timeout deletion, once armed; written only through {@link #TIMER}. */
    private volatile Future<?> timer;
    /** The driver's data; cleared when freed (through {@link #SOURCE}), so nothing keeps the driver's objects alive. */
    private volatile DumpSource source;
    /**
     * Completed for good once FREED; made by the first thread that waits for another's deletion ({@link #awaitFreed}),
     * so the many dumps nobody waits for carry no waiting machinery. Written only through {@link #FREED_WAIT}.
     */
    private volatile Completion freed;

    Dump(long id, Owner owner, String device, DumpSource source, long size, long createdMillis, Duration timeout) {
        this.id = id;
        this.owner = owner;
        this.device = device;
        this.source = source;
        this.size = size;
        this.createdMillis = createdMillis;
        this.timeout = timeout;
    }

    /** @return {@code devcdN}, made on each call */
    String name() {
        return NAME_PREFIX + id;
    }

    /** @return the id of the dump called {@code name}, or -1 if no dump can have that name */
    static long idOf(String name) {
        if (!name.startsWith(NAME_PREFIX) || name.length() == NAME_PREFIX.length()
                || name.length() > NAME_PREFIX.length() + 18 || name.charAt(NAME_PREFIX.length()) == '0') {
            return -1;
        }
        long id = 0;
        for (int i = NAME_PREFIX.length(); i < name.length(); i++) {
            char c = name.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            id = id * 10 + (c - '0');
        }
        return id;
    }

    int state() {
        return state;
    }

    /** REGISTERING -> LIVE, by the registering thread, the only one that can see a REGISTERING dump's transition. */
    void goLive() {
        if (!STATE.compareAndSet(this, REGISTERING, LIVE)) {
            throw new IllegalStateException(this + ": goLive from state " + state);
        }
    }

    /** LIVE -> DELETING: the one CAS every delete path goes through; true for exactly one caller (I1). */
    boolean beginDeletion() {
        return STATE.compareAndSet(this, LIVE, DELETING);
    }

    /** DELETING -> FREED, by the deleter, after {@code free()}. */
    void markFreed() {
        SOURCE.setRelease(this, null); // no fence: readers are drained; the state write below is the volatile one
        STATE.setVolatile(this, FREED);
        Completion waiting = freed;
        if (waiting != null) {
            waiting.completeAll();
        }
    }

    /**
     * Waits up to {@code bound} for another thread's deletion of this dump to finish. The waiter publishes its
     * completion, then reads the state; the deleter writes FREED, then reads the completion: one of the two sees the
     * other, so the waiter either sees FREED or is woken.
     *
     * @return false only if a deletion in progress did not finish within {@code bound}
     */
    boolean awaitFreed(Duration bound) {
        if (state != DELETING) {
            return true;
        }
        Completion waiting = freed;
        if (waiting == null) {
            Completion mine = new Completion();
            waiting = FREED_WAIT.compareAndExchange(this, null, mine) instanceof Completion other ? other : mine;
        }
        return state == FREED || Waits.awaitUninterruptibly(waiting, bound);
    }

    /** Takes the source for the deleter's {@code free()}; only the winner of {@link #beginDeletion()} calls this. */
    DumpSource source() {
        return source;
    }

    /**
     * Publishes the armed timeout, then re-checks: if a deletion started meanwhile it may have looked for the timer
     * before it was published, so this cancels it itself. Either way the timer never outlives the dump.
     */
    void armTimer(Future<?> armed) {
        TIMER.setVolatile(this, armed);
        if (state != LIVE) {
            armed.cancel(false);
        }
    }

    /**
     * Cancels the timeout deletion if it is armed; never blocks (a timer that already fired loses the CAS).
     *
     * @return whether a pending timeout was cancelled
     */
    boolean cancelTimer() {
        Future<?> armed = (Future<?>) TIMER.getAndSet(this, null);
        return armed != null && armed.cancel(false);
    }

    /**
     * Takes an active reference for a read: only while LIVE, re-checked after the retain, so a read that starts after
     * the deletion began is refused and one that started before keeps the data until it leaves.
     */
    boolean enterRead() {
        if (state != LIVE || !active.tryRetain()) {
            return false;
        }
        if (state != LIVE) {
            active.release();
            return false;
        }
        return true;
    }

    void leaveRead() {
        active.release();
    }

    DumpInfo info() {
        Instant created = Instant.ofEpochMilli(createdMillis);
        return new DumpInfo(name(), owner.symbolicName, owner.version, device, size, created, created.plus(timeout));
    }

    @Override
    public String toString() {
        return name() + "[" + owner + ", device '" + device + "', " + stateName(state) + ", active=" + active.refCnt()
                + "]";
    }

    static String stateName(int state) {
        switch (state) {
            case REGISTERING: return "REGISTERING";
            case LIVE: return "LIVE";
            case DELETING: return "DELETING";
            default: return "FREED";
        }
    }
}
