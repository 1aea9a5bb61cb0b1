package org.devcd.core.internal.coredump;

import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;

import org.devcd.coredump.CoredumpAdmin;
import org.devcd.coredump.CoredumpCounts;
import org.devcd.coredump.CoredumpStatus;
import org.devcd.coredump.DumpInfo;
import org.devcd.coredump.DumpReader;
import org.devcd.coredump.DumpSource;
import org.devcd.coredump.NoSuchDumpException;
import org.devcd.coredump.Registration;
import org.devcd.coredump.RemovalReason;

/**
 * The device coredump registry: {@code drivers/base/devcoredump.c} without a mutex (invariants I1-I7 and races R1-R14
 * as numbered in {@code docs/kernel-lessons.md}). It knows the owners, finds dumps by name and device, and starts every
 * delete path; {@link Admission} lets dumps in, {@link Dump} carries out each deletion's steps, {@link Listing} holds
 * what admins see, {@link Sweep} deletes many dumps under one bound, {@link Lockdown} holds shutdown and disable.
 *
 * <p>No lock is held anywhere: admission is a {@code putIfAbsent} per device (one dump per device is atomic, R14); every
 * delete path (timeout, dismiss, disable, put, owner stop, shutdown) starts with {@link Listing#claim}, whose CAS exactly
 * one caller wins (I1); driver code runs only inside the owner's callbacks gate, so a stopping owner waits for it (I7).
 *
 * <p>Threads: timeouts fire on one timer thread, which only claims and unlists; drains and {@code free()} of timeouts and
 * sweeps run on the reaper, so a driver whose {@code free()} hangs holds neither the timer nor another driver's dumps.
 * Dismiss and put finish their deletion in the calling thread. Events go out in order on one event thread.
 *
 * <p>Thread-safety: all methods may be called from any thread.
 */
public final class DumpRegistry implements CoredumpAdmin {
    private static final System.Logger LOG = System.getLogger(DumpRegistry.class.getName());

    private final Listing listing;
    private final Lockdown lockdown;
    private final Admission admission;
    private final Executor reaper;
    private final Runnable stopThreads;
    private final Ids ids;
    private volatile RegistryConfig config;
    /** Owners whose dumps may not all be freed yet. */
    private final Set<Owner> owners = ConcurrentHashMap.newKeySet();

    DumpRegistry(RegistryConfig config, RegistryThreads threads, DumpListener listener, Clock clock,
            RegistryState state) {
        this.config = RegistryConfig.requireValid(config);
        this.listing = new Listing(threads.timer(), new Announcer(threads.events(), listener));
        this.lockdown = new Lockdown(state);
        this.ids = new Ids(state);
        this.reaper = threads.reaper();
        this.stopThreads = threads.stop();
        this.admission = new Admission(listing, lockdown, ids, clock, reaper, this::config);
    }

    /**
     * A registry with its own daemon threads (timer, reaper, events); {@link #shutdown()} ends them.
     *
     * @param state what survives a restart: the disable switch and the names given out
     * @throws IllegalArgumentException if {@code config} is invalid; the message lists every problem
     */
    public static DumpRegistry start(RegistryConfig config, DumpListener listener, RegistryState state) {
        return new DumpRegistry(config, RegistryThreads.start(), listener, Clock.systemUTC(), state);
    }

    /** Like {@link #start(RegistryConfig, DumpListener, RegistryState)}, remembering nothing across restarts. */
    public static DumpRegistry start(RegistryConfig config, DumpListener listener) {
        return start(config, listener, RegistryState.inMemory());
    }

    /**
     * Replaces the settings; a bad candidate is rejected whole and the current settings stay. Lower caps apply to new
     * dumps; listed ones stay.
     *
     * @throws IllegalArgumentException listing every problem of {@code candidate}
     */
    public void configure(RegistryConfig candidate) {
        config = RegistryConfig.requireValid(candidate);
    }

    /** @return the settings in force */
    public RegistryConfig config() {
        return config;
    }

    /**
     * A bundle starts using the service: its dumps will have this owner.
     *
     * @return the owner, for {@link DriverCoredumps}
     */
    Owner attach(long bundleId, String symbolicName, String version) {
        Owner owner = new Owner(bundleId, symbolicName, version);
        owners.add(owner);
        if (lockdown.closed()) { // shutdown may have missed it: it wrote closed, then read owners; we did the opposite
            owner.registrations.close();
        }
        return owner;
    }

    Registration register(Owner owner, String device, DumpSource source, Duration timeout) {
        return admission.register(owner, device, source, timeout);
    }

    // ---------------------------------------------------------------- driver side

    /**
     * {@code dev_coredump_put}: deletes the owner's dump of {@code device} and returns once it is freed, also when
     * another path was already deleting it (I5). Called from inside the owner's own code (its {@code free()} or
     * {@code read()}), it never waits for a deletion in progress, which may wait for the caller: it returns true and
     * that deletion finishes on its own.
     */
    boolean put(Owner owner, String device) {
        String problem = Arguments.deviceProblem(device);
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
        Dump dump = owner.devices.get(device);
        if (dump == null) {
            return false;
        }
        if (listing.claim(dump, RemovalReason.PUT)) {
            listing.finish(dump, config.drainTimeout());
            return true;
        }
        int phase = dump.phase();
        if (phase == Dump.REGISTERING || phase == Dump.DISCARDED) {
            return false; // a registration in flight on another thread is ordered after this put
        }
        Duration bound = config.drainTimeout();
        if (!owner.callbacks.isInside(Thread.currentThread()) && !dump.awaitFreed(Waits.deadline(bound))) {
            LOG.log(Level.ERROR, "{0}: another deletion did not finish within drainTimeout {1}", dump, bound);
        }
        return true;
    }

    /**
     * The owner bundle stopped or released the service: refuse its registrations, delete its dumps, wait for every
     * call into its code, all within one drain bound. Runs while the owner's class loader is still valid; afterwards
     * the registry holds nothing of the owner.
     */
    void detach(Owner owner) {
        Sweep sweep = new Sweep(listing, reaper, RemovalReason.DRIVER_STOPPED, "stop of " + owner,
                config.drainTimeout());
        sweep.closeRegistrations(owner);
        sweep.delete(owner);
        sweep.awaitDeletions();
        sweep.closeCallbacks(owner);
        sweep.report();
        owners.remove(owner);
    }

    // ---------------------------------------------------------------- admin side

    @Override
    public List<DumpInfo> list() {
        return listing.list();
    }

    @Override
    public DumpReader open(String name) {
        Objects.requireNonNull(name, "name");
        Dump dump = listing.named(name);
        if (dump == null || dump.phase() != Dump.LIVE) {
            throw new NoSuchDumpException("no dump named '" + name + "'");
        }
        return new Reader(dump);
    }

    @Override
    public boolean dismiss(String name) {
        Objects.requireNonNull(name, "name");
        Dump dump = listing.named(name);
        if (dump == null || !listing.claim(dump, RemovalReason.DISMISSED)) {
            return false;
        }
        listing.finish(dump, config.drainTimeout());
        return true;
    }

    @Override
    public boolean disable() {
        if (!lockdown.disable()) {
            return false;
        }
        Sweep sweep = new Sweep(listing, reaper, RemovalReason.DISABLED, "disable", config.drainTimeout());
        owners.forEach(sweep::delete);
        sweep.awaitDeletions();
        sweep.report();
        return true;
    }

    @Override
    public CoredumpStatus status() {
        RegistryConfig current = config;
        return new CoredumpStatus(lockdown.disabled(), listing.caps.dumps(), listing.caps.bytes(), admission.registered(),
                current.defaultTimeout(), current.maxDumpBytes(), current.maxDumps(), current.maxTotalBytes(),
                current.drainTimeout());
    }

    @Override
    public CoredumpCounts counts() {
        return new CoredumpCounts(admission.registered(), admission.discarded(), listing.removed());
    }

    /** Core shutdown: refuse registrations, delete every dump, close every owner, within one bound; end the threads. */
    public void shutdown() {
        lockdown.close();
        Sweep sweep = new Sweep(listing, reaper, RemovalReason.SHUTDOWN, "shutdown of the coredump registry",
                config.drainTimeout());
        owners.forEach(sweep::closeRegistrations);
        owners.forEach(sweep::delete);
        sweep.awaitDeletions();
        owners.forEach(sweep::closeCallbacks);
        sweep.report();
        ids.close();
        stopThreads.run();
    }
}
