package org.devcd.core.internal.coredump;

import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;

import org.devcd.coredump.DiscardReason;
import org.devcd.coredump.DumpSource;
import org.devcd.coredump.Registration;
import org.devcd.coredump.RemovalReason;
import org.devcd.release.Gate;
import org.devcd.release.GateClosedException;

/**
 * A dump's way in: checks, budget, name, one dump per device (R14), going live and arming its timeout, or a discard
 * with a reason. Ownership rule: once a registration has the driver's data it frees it on every path: a discarded or
 * refused dump's {@code free()} runs in the registering thread (the driver's own) before the call returns or throws.
 *
 * <p>Thread-safety: all methods may be called from any thread; no lock is held.
 */
final class Admission {
    /** Pass as a timeout for the configured default; no driver can pass this instance. */
    static final Duration DEFAULT_TIMEOUT = Duration.ofNanos(-1);
    private static final System.Logger LOG = System.getLogger(Admission.class.getName());

    private final Listing listing;
    private final Lockdown lockdown;
    private final Ids ids;
    private final Clock clock;
    private final Executor reaper;
    private final Supplier<RegistryConfig> config;
    private final LongAdder registered = new LongAdder();
    private final LongAdder discarded = new LongAdder();

    Admission(Listing listing, Lockdown lockdown, Ids ids, Clock clock, Executor reaper,
            Supplier<RegistryConfig> config) {
        this.listing = listing;
        this.lockdown = lockdown;
        this.ids = ids;
        this.clock = clock;
        this.reaper = reaper;
        this.config = config;
    }

    /**
     * Registers a dump of {@code owner}, inside its registrations gate so that its stop waits for this call.
     *
     * @param timeout {@link #DEFAULT_TIMEOUT} for the configured default
     * @throws IllegalArgumentException for a bad device or timeout, after {@code source.free()} ran
     */
    Registration register(Owner owner, String device, DumpSource source, Duration timeout) {
        String problem = Arguments.deviceProblem(device);
        if (problem == null && timeout != DEFAULT_TIMEOUT) {
            problem = RegistryConfig.timeoutProblem(timeout);
        }
        if (problem != null) {
            freeDiscarded(owner, device, source);
            throw new IllegalArgumentException(problem);
        }
        Gate.Pass pass;
        try {
            pass = owner.registrations.enter();
        } catch (GateClosedException gone) {
            return refused(owner, device, source);
        }
        try (pass) {
            RegistryConfig limits = config.get();
            return admit(owner, device, source, timeout == DEFAULT_TIMEOUT ? limits.defaultTimeout() : timeout, limits);
        }
    }

    private Registration admit(Owner owner, String device, DumpSource source, Duration timeout, RegistryConfig limits) {
        if (lockdown.disabled()) {
            return refused(owner, device, source);
        }
        long size;
        try {
            size = source.size();
        } catch (Throwable e) { // the driver's code: Errors too
            LOG.log(Level.WARNING, "bundle " + owner + ", device '" + device + "': the source's size() threw", e);
            return discard(owner, device, source, DiscardReason.SOURCE_FAILED, "size() threw " + e);
        }
        if (size < 0) {
            return discard(owner, device, source, DiscardReason.SOURCE_FAILED,
                    "size() returned " + size + " (expected: >= 0)");
        }
        if (size > limits.maxDumpBytes()) {
            return discard(owner, device, source, DiscardReason.TOO_LARGE,
                    "a dump of " + size + " bytes exceeds maxDumpBytes " + limits.maxDumpBytes());
        }
        DiscardReason over = listing.caps.reserve(size, limits);
        if (over != null) {
            return discard(owner, device, source, over, Caps.explain(over, size, limits));
        }
        Dump dump = new Dump(ids.next(), owner, device, source, size, clock.millis(), timeout.toMillis());
        Dump existing = owner.devices.putIfAbsent(device, dump);
        if (existing != null) {
            listing.caps.release(size);
            return discard(owner, device, source, DiscardReason.DEVICE_HAS_DUMP,
                    "device '" + device + "' already has " + existing.name());
        }
        listing.add(dump);
        // A sweep sets its flag, then visits the devices; we added the device, then read the flags: one sees the other.
        if ((lockdown.refusal(owner) != null && dump.refuse()) || !goLive(dump, timeout)) {
            listing.withdraw(dump);
            return refused(owner, device, dump.takeSourceOfDiscarded());
        }
        return new Registration.Registered(dump.name());
    }

    /** Lists the dump, arms its timeout and queues ADDED; false if a sweep refused it first. */
    private boolean goLive(Dump dump, Duration timeout) {
        boolean announce = listing.announcer.active;
        if (announce) {
            dump.holdForRegistration(); // the registration's own reference: no deletion completes before ADDED is queued
        }
        try {
            if (!dump.goLive()) {
                return false;
            }
            listing.arm(dump, timeout, () -> expire(dump));
            listing.announcer.added(dump);
            registered.increment();
            return true;
        } finally {
            if (announce) {
                dump.releaseActive();
            }
        }
    }

    /** @return how many dumps went live since this registry started */
    long registered() {
        return registered.sum();
    }

    /** @return how many registrations were discarded since this registry started */
    long discarded() {
        return discarded.sum();
    }

    /** On the timer thread: claim and unlist only; the drain and {@code free()} go to the reaper. */
    private Void expire(Dump dump) {
        if (!listing.claim(dump, RemovalReason.TIMEOUT)) {
            return null;
        }
        Duration bound = config.get().drainTimeout();
        try {
            reaper.execute(() -> listing.finish(dump, bound));
        } catch (RejectedExecutionException shutDown) {
            listing.finish(dump, bound);
        }
        return null;
    }

    /** Discards a registration that a lockdown flag or its owner's stop refuses. */
    private Registration refused(Owner owner, String device, DumpSource source) {
        DiscardReason reason = lockdown.refusal(owner);
        return discard(owner, device, source, reason, Lockdown.explain(reason, owner));
    }

    private Registration discard(Owner owner, String device, DumpSource source, DiscardReason reason,
            String detail) {
        discarded.increment();
        freeDiscarded(owner, device, source);
        return new Registration.Discarded(reason, detail);
    }

    /** Frees a discarded source at once, in the registering (driver's own) thread. */
    private static void freeDiscarded(Owner owner, String device, DumpSource source) {
        try {
            source.free();
        } catch (Throwable e) { // the driver's code: Errors too
            LOG.log(Level.WARNING, "bundle " + owner + ", device '" + device + "': free() of a discarded dump threw",
                    e);
        }
    }
}
