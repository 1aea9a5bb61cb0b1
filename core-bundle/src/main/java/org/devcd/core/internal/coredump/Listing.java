package org.devcd.core.internal.coredump;

import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import org.devcd.coredump.DumpInfo;
import org.devcd.coredump.RemovalReason;

/**
 * The dumps an admin can see, and the shared steps of every deletion around {@link Dump}'s own: unlisting (the
 * budget is given back and the timeout cancelled at once), then drain and free, then retiring the device and
 * announcing REMOVED. Holds no lock at any step (I7).
 *
 * <p>Thread-safety: all methods may be called from any thread.
 */
final class Listing {
    private static final System.Logger LOG = System.getLogger(Listing.class.getName());

    /** Listed dumps (and REGISTERING ones about to be) by id; every unfreed dump is in its owner's {@code devices}. */
    private final ConcurrentHashMap<Long, Dump> byId = new ConcurrentHashMap<>();
    final Caps caps = new Caps();
    private final LongAdder removed = new LongAdder();
    private final DumpTimer timer;
    final Announcer announcer;

    Listing(DumpTimer timer, Announcer announcer) {
        this.timer = timer;
        this.announcer = announcer;
    }

    /** Adds an admitted dump, REGISTERING, so that a name's lookup finds it. */
    void add(Dump dump) {
        byId.put(dump.id, dump);
    }

    /** Takes back a dump refused before it was listed, and its budget. */
    void withdraw(Dump dump) {
        byId.remove(dump.id, dump);
        dump.owner.devices.remove(dump.device, dump);
        caps.release(dump.size);
    }

    /** Arms the timeout of a dump that just went LIVE; {@code expire} runs on the timer's thread. */
    void arm(Dump dump, Duration timeout, Callable<?> expire) {
        dump.armTimer(timer.schedule(expire, timeout));
    }

    /** @return the listed (or registering) dump called {@code name}, or null */
    Dump named(String name) {
        long id = DumpNames.idOf(name);
        return id < 0 ? null : byId.get(id);
    }

    /**
     * Every LIVE dump, by id, never two of one device (R14 as a reader sees it): the map's iteration is weakly
     * consistent, so a dump seen LIVE early in it may be deleted and its device's next dump registered before the
     * iteration ends:
     * <pre>
     *   lister                          driver
     *   ------                          ------
     *   sees devcd1 (gpu0) LIVE
     *                                   put(gpu0): devcd1 DELETING, freed
     *                                   dumpv(gpu0): devcd2 LIVE
     *   sees devcd2 (gpu0) LIVE         // one pass would list gpu0 twice
     *   second pass: devcd1 not LIVE, dropped
     * </pre>
     * A device's next dump goes LIVE only after the previous one left LIVE, so checking every candidate again once the
     * first pass is over drops the older of any such pair.
     */
    List<DumpInfo> list() {
        List<Dump> candidates = byId.values().stream().filter(d -> d.phase() == Dump.LIVE).toList();
        return candidates.stream()
                .filter(d -> d.phase() == Dump.LIVE)
                .sorted(Comparator.comparingLong(d -> d.id))
                .map(Dump::info)
                .collect(Collectors.toList());
    }

    /** First step after winning {@link Dump#beginDeletion}: no longer listed, timeout cancelled, budget given back. */
    void unlist(Dump dump) {
        byId.remove(dump.id, dump);
        if (dump.cancelTimer()) {
            timer.cancelled();
        }
        caps.release(dump.size);
        dump.dropListing();
    }

    /**
     * Drains (bounded), frees and retires an unlisted dump on this thread; an expired drain is logged. Called back from
     * inside a read of this very dump (the driver's {@code read()} dismissing or putting it), it does not wait for the
     * read it is part of: the last read to leave frees the dump (I2 holds: no read is left in flight). Should a read of
     * another thread be stuck in the driver, the dump then waits for it until the driver's stop, whose sweep frees it.
     */
    void finish(Dump dump, Duration drainBound) {
        if (InDriverCode.holds(dump)) {
            dump.finishWhenDrained(() -> freeAndRetire(dump));
            return;
        }
        if (!dump.isDrained() && !dump.awaitDrained(Waits.deadline(drainBound))) {
            LOG.log(Level.ERROR, "{0}: reads still in flight after drainTimeout {1}; freeing it anyway. Threads in "
                    + "driver code of {2}: {3}", dump, drainBound, dump.owner, Owner.names(dump.owner.callbacks));
        }
        freeAndRetire(dump);
    }

    /** Frees the dump if this thread claims it, then retires it; false if another thread claimed the free. */
    boolean freeAndRetire(Dump dump) {
        if (!dump.free()) {
            return false;
        }
        retire(dump);
        return true;
    }

    /** Last step of a deletion: the device may get a new dump, and REMOVED is queued. */
    void retire(Dump dump) {
        // The device keeps its dump until it is freed: a put meanwhile finds it and waits (I5), a new dump is refused.
        dump.owner.devices.remove(dump.device, dump);
        removed.increment();
        announcer.removed(dump, dump.reason());
    }

    /** @return how many dumps were deleted and freed */
    long removed() {
        return removed.sum();
    }

    /** @return whether this call deleted {@code dump} (won the CAS, I1) and unlisted it; the caller finishes it */
    boolean claim(Dump dump, RemovalReason reason) {
        if (!dump.beginDeletion(reason)) {
            return false;
        }
        unlist(dump);
        return true;
    }
}
