package org.devcd.core.internal.coredump;

import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.stream.Collectors;

import org.devcd.coredump.RemovalReason;
import org.devcd.release.Completion;
import org.devcd.release.DrainTimeoutException;
import org.devcd.release.Gate;

/**
 * Deletes many dumps under ONE bound: an owner's stop, disable and shutdown. However many dumps have reads stuck in
 * driver code, and whatever else is stuck in the owner's gates, a sweep returns within its bound plus {@link #SLACK}
 * (which only a {@code free()} that does not return, or a starved thread, uses up), and reports everything that was late
 * in one ERROR line that names each stuck thread once.
 *
 * <p>Its steps, in order: {@link #closeRegistrations}; {@link #delete} (claims every dump of an owner and hands them to
 * the reaper, one task per owner, so one driver's hung {@code free()} delays only its own dumps);
 * {@link #awaitDeletions} (a dump whose deleter did not free it in time is freed by the sweep itself, while the owner's
 * gate is still open: every dump is freed once, before the gate closes); {@link #closeCallbacks}; {@link #report}.
 *
 * <p>Not thread-safe: one thread runs a sweep; its batches run on the reaper.
 */
final class Sweep {
    /** How long past the bound a sweep waits for frees that other threads owe before it frees those dumps itself. */
    static final Duration SLACK = Duration.ofSeconds(1);
    private static final System.Logger LOG = System.getLogger(Sweep.class.getName());

    private final Listing listing;
    private final Executor reaper;
    private final RemovalReason reason;
    private final String what;
    private final Duration bound;
    private final long deadline;
    private final List<Dump> claimed = new ArrayList<>();
    private final List<Completion> batches = new ArrayList<>();
    /** Dumps freed although a read was still inside; batches of several owners add to it at once. */
    private final List<Dump> undrained = Collections.synchronizedList(new ArrayList<>());
    private final List<String> late = new ArrayList<>();
    private final Set<Thread> stuck = new LinkedHashSet<>();

    Sweep(Listing listing, Executor reaper, RemovalReason reason, String what, Duration bound) {
        this.listing = listing;
        this.reaper = reaper;
        this.reason = reason;
        this.what = what;
        this.bound = bound;
        this.deadline = Waits.deadline(bound);
    }

    /** Refuses the owner's new registrations and waits, within the bound, for those in flight. */
    void closeRegistrations(Owner owner) {
        if (!drain(owner.registrations, deadline)) {
            late.add("registrations of " + owner + " still in flight");
        }
    }

    /**
     * Claims every dump of {@code owner}: a REGISTERING one is refused (its registering thread frees its data), a LIVE
     * one is deleted with this sweep's reason, one another path is deleting is waited for in {@link #awaitDeletions}.
     */
    void delete(Owner owner) {
        List<Dump> mine = new ArrayList<>();
        for (Dump dump : owner.devices.values()) {
            if (dump.phase() == Dump.REGISTERING && dump.refuse()) {
                continue;
            }
            boolean deleted = listing.claim(dump, reason);
            if (InDriverCode.holds(dump)) {
                // This sweep runs inside that dump's read() or free() (a driver disabling from there): waiting for it
                // would wait for this very thread. A read frees it as it leaves; a free is this thread's own.
                if (deleted) {
                    dump.finishWhenDrained(() -> listing.freeAndRetire(dump));
                }
                continue;
            }
            if (deleted) {
                mine.add(dump);
            }
            claimed.add(dump);
        }
        if (mine.isEmpty()) {
            return;
        }
        Completion done = new Completion();
        batches.add(done);
        Runnable batch = () -> {
            try {
                for (Dump dump : mine) {
                    if (!dump.awaitDrained(deadline)) {
                        undrained.add(dump);
                    }
                    listing.freeAndRetire(dump);
                }
            } finally {
                done.completeAll();
            }
        };
        try {
            reaper.execute(batch);
        } catch (RejectedExecutionException shutDown) {
            batch.run();
        }
    }

    /** Waits for the batches and for deletions other paths run; frees itself what is still unfreed after the slack. */
    void awaitDeletions() {
        long last = deadline + SLACK.toNanos();
        for (Completion batch : batches) {
            Waits.awaitUntil(batch, last);
        }
        List<String> hung = new ArrayList<>();
        List<String> freedHere = new ArrayList<>();
        for (Dump dump : claimed) {
            if (dump.awaitFreed(last)) {
                continue;
            }
            // Its deleter won the CAS but has not claimed the free (starved, or still draining): the gate is still
            // open, so free it here rather than leave it unfreed. A free that is running already is only waited for.
            if (listing.freeAndRetire(dump)) {
                freedHere.add(dump.name());
            } else if (!dump.awaitFreed(last)) {
                hung.add(dump.name());
            }
            stuck.addAll(dump.owner.callbacks.threadsInside());
        }
        for (Dump dump : undrained) {
            stuck.addAll(dump.owner.callbacks.threadsInside());
        }
        if (!undrained.isEmpty()) {
            late.add("reads of " + undrained.stream().map(Dump::name).collect(Collectors.toList())
                    + " still in flight, freed anyway");
        }
        if (!hung.isEmpty()) {
            late.add("free() of " + hung + " did not return");
        }
        if (!freedHere.isEmpty()) {
            late.add(freedHere + " freed by this " + what + ": their deleter did not free them in time");
        }
    }

    /** Refuses further calls into the owner's code and waits for those inside, within what is left of the bound. */
    void closeCallbacks(Owner owner) {
        if (!drain(owner.callbacks, deadline)) {
            late.add("calls into " + owner + " still in flight");
        }
    }

    /** Logs one ERROR if anything was late, naming every stuck thread once (if it saw any). */
    void report() {
        if (!late.isEmpty()) {
            LOG.log(Level.ERROR, "{0} exceeded drainTimeout {1}: {2}{3}", what, bound, String.join("; ", late),
                    stuck.isEmpty() ? "" : ". Threads still in driver code: " + stuck.stream().map(Thread::getName)
                            .collect(Collectors.joining(", ", "[", "]")));
        }
    }

    private boolean drain(Gate gate, long until) {
        gate.close();
        boolean drained = waitDrained(gate, until);
        if (!drained) {
            stuck.addAll(gate.threadsInside());
        }
        return drained;
    }

    private static boolean waitDrained(Gate gate, long until) {
        try {
            gate.closeAndDrain(Duration.ofNanos(Math.max(0, until - System.nanoTime())));
            return true;
        } catch (DrainTimeoutException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return gate.isDrained();
        } catch (IllegalStateException insideItself) {
            return false; // called from inside this gate (a driver that stops itself from its own callback)
        }
    }
}
