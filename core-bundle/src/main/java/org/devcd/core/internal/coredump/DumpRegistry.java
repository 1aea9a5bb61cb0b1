package org.devcd.core.internal.coredump;

import java.lang.System.Logger.Level;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

import org.devcd.coredump.CoredumpAdmin;
import org.devcd.coredump.CoredumpStatus;
import org.devcd.coredump.DiscardReason;
import org.devcd.coredump.DumpInfo;
import org.devcd.coredump.DumpReadException;
import org.devcd.coredump.DumpReader;
import org.devcd.coredump.DumpSource;
import org.devcd.coredump.NoSuchDumpException;
import org.devcd.coredump.Registration;
import org.devcd.coredump.RemovalReason;
import org.devcd.release.DrainTimeoutException;
import org.devcd.release.Gate;
import org.devcd.release.GateClosedException;

/**
 * The device coredump registry: {@code drivers/base/devcoredump.c} without a mutex.
 *
 * <p>No lock is held anywhere in this class: admission is a {@code putIfAbsent} per device (one dump per device is
 * atomic, R14), a dump's lifecycle is one CAS per transition ({@link Dump}), and every delete path (timeout, dismiss,
 * disable, put, owner stop, shutdown) goes through {@link #delete(Dump, RemovalReason)}, whose first step is the CAS that
 * exactly one caller wins (I1). Driver code ({@link DumpSource#read} and {@link DumpSource#free}) is called only inside the
 * owner's {@link Owner#callbacks} gate, so a stopping owner waits for it, and never under a lock (I7).
 *
 * <p>Ordering of events: the registering thread holds an active reference on the dump until it has queued ADDED; a
 * deletion waits for every active reference before it frees and queues REMOVED. Events go out on one executor, in the
 * order queued, so a dump's REMOVED never precedes its ADDED (R6).
 *
 * <p>Thread-safety: all methods may be called from any thread.
 */
public final class DumpRegistry implements CoredumpAdmin {
    private static final System.Logger LOG = System.getLogger(DumpRegistry.class.getName());
    private static final int MAX_DEVICE_LENGTH = 128;

    private final DumpTimer timer;
    private final Executor events;
    private final DumpListener listener;
    /** False for {@link DumpListener#NONE}: then no event is queued at all. */
    private final boolean announce;
    private final Clock clock;
    private final Runnable stopThreads;
    private volatile RegistryConfig config;

    /**
     * Set once by {@link #shutdown()}, which then closes every owner's registrations gate; an owner attached later
     * starts closed. So a registration enters one gate, its owner's, and is still refused after shutdown.
     */
    private volatile boolean closed;
    /** Write-once: the kernel's {@code disabled} lockdown switch. */
    private final AtomicBoolean disabled = new AtomicBoolean();
    /** The last N given out; names are never reused. */
    private final AtomicLong lastId = new AtomicLong();
    private final AtomicInteger heldDumps = new AtomicInteger();
    private final AtomicLong heldBytes = new AtomicLong();
    /** Listed dumps (and REGISTERING ones about to be) by id; every unfreed dump is in its owner's {@code devices}. */
    private final ConcurrentHashMap<Long, Dump> byId = new ConcurrentHashMap<>();
    /** Owners whose dumps may not all be freed yet. */
    private final Set<Owner> owners = ConcurrentHashMap.newKeySet();

    DumpRegistry(RegistryConfig config, DumpTimer timer, Executor events, DumpListener listener, Clock clock,
            Runnable stopThreads) {
        this.config = requireValid(config);
        this.timer = timer;
        this.events = events;
        this.listener = listener;
        this.announce = listener != DumpListener.NONE;
        this.clock = clock;
        this.stopThreads = stopThreads;
    }

    /**
     * A registry with its own two daemon threads: one runs the timeout deletions, one delivers the events in order.
     * {@link #shutdown()} ends both.
     *
     * @throws IllegalArgumentException if {@code config} is invalid; the message lists every problem
     */
    public static DumpRegistry start(RegistryConfig config, DumpListener listener) {
        ScheduledThreadPoolExecutor timeouts = new ScheduledThreadPoolExecutor(1, daemon("devcd-coredump-timeout"));
        ExecutorService events = Executors.newSingleThreadExecutor(daemon("devcd-coredump-events"));
        DumpTimer timer = new ExecutorTimer(timeouts);
        return new DumpRegistry(config, timer, events, listener, Clock.systemUTC(), () -> {
            timeouts.shutdownNow();
            events.shutdown();
            try {
                if (!events.awaitTermination(5, TimeUnit.SECONDS)) {
                    LOG.log(Level.WARNING, "coredump events still being delivered after 5 s; abandoning them");
                    events.shutdownNow();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                events.shutdownNow();
            }
        });
    }

    /**
     * Replaces the settings; a bad candidate is rejected whole and the current settings stay. Lower caps apply to new
     * dumps; listed ones stay.
     *
     * @throws IllegalArgumentException listing every problem of {@code candidate}
     */
    public void configure(RegistryConfig candidate) {
        config = requireValid(candidate);
    }

    /** @return the settings in force */
    public RegistryConfig config() {
        return config;
    }

    /** @return the driver service of a bundle that got it; {@link DriverCoredumps#detach()} ends it */
    public DriverCoredumps attach(long bundleId, String symbolicName, String version) {
        Owner owner = new Owner(bundleId, symbolicName, version);
        owners.add(owner);
        if (closed) { // shutdown may have missed it: written closed, then read owners; we wrote owners, then read closed
            owner.registrations.close();
        }
        return new DriverCoredumps(this, owner);
    }

    // ---------------------------------------------------------------- registration

    /**
     * Registers a dump; takes ownership of {@code source} on every path: on a discard, or when an argument is invalid,
     * {@code source.free()} has run (in this thread, the driver's own) before this returns or throws.
     *
     * @param timeout null for the configured default
     */
    Registration register(Owner owner, String device, DumpSource source, Duration timeout) {
        String problem = deviceProblem(device);
        if (problem == null && timeout != null) {
            problem = RegistryConfig.timeoutProblem(timeout);
        }
        if (problem != null) {
            freeRejected(owner, source, device);
            throw new IllegalArgumentException(problem);
        }
        Gate.Pass ownerPass;
        try {
            ownerPass = owner.registrations.enter();
        } catch (GateClosedException gone) {
            return closed
                    ? discard(owner, device, source, DiscardReason.REGISTRY_CLOSED, "the coredump registry is shut down")
                    : discard(owner, device, source, DiscardReason.DRIVER_STOPPING,
                            "bundle " + owner + " is stopping or released the coredump service");
        }
        try (ownerPass) {
            return admit(owner, device, source, timeout == null ? config.defaultTimeout() : timeout);
        }
    }

    private Registration admit(Owner owner, String device, DumpSource source, Duration timeout) {
        if (disabled.get()) {
            return discard(owner, device, source, DiscardReason.DISABLED, "coredumps are disabled");
        }
        long size;
        try {
            size = source.size();
        } catch (RuntimeException | LinkageError e) {
            LOG.log(Level.WARNING, "bundle " + owner + ", device '" + device + "': the source's size() threw", e);
            return discard(owner, device, source, DiscardReason.SOURCE_FAILED, "size() threw " + e);
        }
        RegistryConfig limits = config;
        if (size < 0) {
            return discard(owner, device, source, DiscardReason.SOURCE_FAILED,
                    "size() returned " + size + " (expected: >= 0)");
        }
        if (size > limits.maxDumpBytes()) {
            return discard(owner, device, source, DiscardReason.TOO_LARGE,
                    "a dump of " + size + " bytes exceeds maxDumpBytes " + limits.maxDumpBytes());
        }
        DiscardReason over = reserve(size, limits);
        if (over != null) {
            return discard(owner, device, source, over, over == DiscardReason.COUNT_CAP
                    ? "the registry holds maxDumps " + limits.maxDumps() + " dumps"
                    : "a dump of " + size + " bytes would exceed maxTotalBytes " + limits.maxTotalBytes());
        }
        Dump dump = new Dump(lastId.incrementAndGet(), owner, device, source, size, clock.millis(), timeout);
        Dump existing = owner.devices.putIfAbsent(device, dump);
        if (existing != null) {
            unreserve(size);
            return discard(owner, device, source, DiscardReason.DEVICE_HAS_DUMP,
                    "device '" + device + "' already has " + existing.name());
        }
        byId.put(dump.id, dump);
        if (announce) {
            dump.active.retain(); // the registration's own reference: no deletion completes before ADDED is queued
            try {
                goLive(dump, timeout);
                DumpInfo info = dump.info();
                events.execute(() -> notifyAdded(info));
            } finally {
                dump.leaveRead();
            }
        } else {
            goLive(dump, timeout);
        }
        // Disable may have swept before this dump was LIVE; then it is ours to delete (one of us sees the other).
        if (disabled.get()) {
            delete(dump, RemovalReason.DISABLED);
        }
        return new Registration.Registered(dump.name());
    }

    /** Lists the dump (readable and deletable from here on) and arms its timeout. */
    private void goLive(Dump dump, Duration timeout) {
        dump.goLive();
        dump.armTimer(timer.schedule(() -> delete(dump, RemovalReason.TIMEOUT), timeout));
    }

    // ---------------------------------------------------------------- the one delete path

    /**
     * Deletes a LIVE dump: the CAS decides who deletes (I1); the winner unlists it, cancels its timer without blocking,
     * drops the listing reference, waits (bounded) for reads in flight (I2, I6), frees it through the owner's gate, and
     * queues REMOVED. Holds no lock at any step (I7).
     *
     * @return whether this call deleted it; false if it was not LIVE
     */
    boolean delete(Dump dump, RemovalReason reason) {
        if (!dump.beginDeletion()) {
            return false;
        }
        byId.remove(dump.id, dump);
        if (dump.cancelTimer()) {
            timer.cancelled();
        }
        unreserve(dump.size);
        dump.active.release();
        Duration bound = config.drainTimeout();
        if (!Waits.awaitUninterruptibly(dump.drained, bound)) {
            LOG.log(Level.ERROR, "{0}: reads still in flight after drainTimeout {1}; freeing it anyway. Threads in "
                    + "driver code of {2}: {3}", dump, bound, dump.owner, names(dump.owner.callbacks));
        }
        free(dump);
        dump.markFreed();
        // The device keeps its dump until it is freed: a put meanwhile finds it and waits (I5), a new dump is refused.
        dump.owner.devices.remove(dump.device, dump);
        if (announce) {
            DumpInfo info = dump.info();
            events.execute(() -> notifyRemoved(info, reason));
        }
        return true;
    }

    private void free(Dump dump) {
        DumpSource source = dump.source();
        try (Gate.Pass pass = dump.owner.callbacks.enter()) {
            source.free();
        } catch (GateClosedException closed) {
            LOG.log(Level.ERROR, "{0}: its bundle is gone; free() was not called", dump);
        } catch (RuntimeException | LinkageError e) {
            LOG.log(Level.WARNING, dump + ": free() threw; the dump is deleted all the same", e);
        }
    }

    /** Waits (bounded) until another path finishes deleting {@code dump} (I5); logs if it does not. */
    private void awaitFreed(Dump dump) {
        Duration bound = config.drainTimeout();
        if (!dump.awaitFreed(bound)) {
            LOG.log(Level.ERROR, "{0}: another deletion did not finish within drainTimeout {1}", dump, bound);
        }
    }

    /** Deletes a dump whichever path wins, and returns only once it is freed (put, disable, owner stop, shutdown). */
    private void deleteSynchronously(Dump dump, RemovalReason reason) {
        if (!delete(dump, reason)) {
            awaitFreed(dump);
        }
    }

    // ---------------------------------------------------------------- driver side

    /** {@code dev_coredump_put}: deletes the owner's dump of {@code device}, waiting for a deletion already running. */
    boolean put(Owner owner, String device) {
        String problem = deviceProblem(device);
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
        Dump dump = owner.devices.get(device);
        if (dump == null || dump.state() == Dump.REGISTERING) {
            return false; // a registration in flight on another thread is ordered after this put
        }
        deleteSynchronously(dump, RemovalReason.PUT);
        return true;
    }

    /**
     * The owner bundle stopped or released the service: refuse its registrations, wait for those in flight, delete its
     * dumps (waiting for deletions other paths are running), then wait for every call into its code to return. Runs
     * while the owner's class loader is still valid; afterwards the registry holds nothing of the owner.
     */
    void detach(Owner owner) {
        Duration bound = config.drainTimeout();
        drainLoudly(owner.registrations, bound);
        for (Dump dump : owner.devices.values()) {
            deleteSynchronously(dump, RemovalReason.DRIVER_STOPPED);
        }
        drainLoudly(owner.callbacks, bound);
        owners.remove(owner);
    }

    // ---------------------------------------------------------------- admin side

    /**
     * {@inheritDoc}
     *
     * <p>Never two dumps of one device (R14 as a reader sees it): the map's iteration is weakly consistent, so a dump
     * seen LIVE early in it may be deleted and its device's next dump registered before the iteration ends:
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
    @Override
    public List<DumpInfo> list() {
        List<Dump> candidates = byId.values().stream().filter(d -> d.state() == Dump.LIVE).toList();
        return candidates.stream()
                .filter(d -> d.state() == Dump.LIVE)
                .sorted(Comparator.comparingLong(d -> d.id))
                .map(Dump::info)
                .collect(Collectors.toList());
    }

    @Override
    public DumpReader open(String name) {
        Dump dump = live(name);
        return new Reader(dump);
    }

    @Override
    public boolean dismiss(String name) {
        Objects.requireNonNull(name, "name");
        Dump dump = named(name);
        return dump != null && delete(dump, RemovalReason.DISMISSED);
    }

    @Override
    public boolean disable() {
        if (!disabled.compareAndSet(false, true)) {
            return false;
        }
        deleteAll(RemovalReason.DISABLED);
        return true;
    }

    @Override
    public CoredumpStatus status() {
        RegistryConfig current = config;
        return new CoredumpStatus(disabled.get(), heldDumps.get(), heldBytes.get(), lastId.get(),
                current.defaultTimeout(), current.maxDumpBytes(), current.maxDumps(), current.maxTotalBytes(),
                current.drainTimeout());
    }

    /** Core shutdown: refuse registrations, wait for those in flight, delete every dump, end the threads. */
    public void shutdown() {
        closed = true;
        for (Owner owner : owners) {
            drainLoudly(owner.registrations, config.drainTimeout());
        }
        deleteAll(RemovalReason.SHUTDOWN);
        stopThreads.run();
    }

    private void deleteAll(RemovalReason reason) {
        for (Owner owner : owners) {
            for (Dump dump : owner.devices.values()) {
                if (dump.state() != Dump.REGISTERING) { // a registering dump sees the switch and deletes itself
                    deleteSynchronously(dump, reason);
                }
            }
        }
    }

    // ---------------------------------------------------------------- reading

    /** @return the listed (or registering) dump called {@code name}, or null */
    private Dump named(String name) {
        long id = Dump.idOf(name);
        return id < 0 ? null : byId.get(id);
    }

    private Dump live(String name) {
        Objects.requireNonNull(name, "name");
        Dump dump = named(name);
        if (dump == null || dump.state() != Dump.LIVE) {
            throw new NoSuchDumpException("no dump named '" + name + "'");
        }
        return dump;
    }

    int read(Dump dump, long offset, ByteBuffer dst) {
        if (offset < 0) {
            throw new IllegalArgumentException("offset: " + offset + " (expected: >= 0)");
        }
        Objects.requireNonNull(dst, "dst");
        if (!dump.enterRead()) {
            throw new NoSuchDumpException(dump.name() + " was deleted");
        }
        try {
            if (offset >= dump.size) {
                return -1;
            }
            int wanted = (int) Math.min(dst.remaining(), dump.size - offset);
            if (wanted == 0) {
                return 0;
            }
            ByteBuffer window = dst.slice().limit(wanted);
            int count;
            try (Gate.Pass pass = dump.owner.callbacks.enter()) {
                count = dump.source().read(offset, window);
            } catch (GateClosedException closed) {
                throw new NoSuchDumpException(dump.name() + " was deleted: bundle " + dump.owner + " is gone");
            } catch (RuntimeException | LinkageError e) {
                LOG.log(Level.WARNING, dump + ": read at offset " + offset + " threw", e);
                throw new DumpReadException(dump.name() + " (bundle " + dump.owner + "): read at offset " + offset
                        + " failed: " + e, e);
            }
            if (count <= 0 || count > wanted || window.position() != count) {
                throw new DumpReadException(dump.name() + " (bundle " + dump.owner + "): read at offset " + offset
                        + " returned " + count + " and advanced the buffer by " + window.position()
                        + " (expected: the same count, 1 to " + wanted + ")", null);
            }
            dst.position(dst.position() + count);
            return count;
        } finally {
            dump.leaveRead();
        }
    }

    /** An admin's reader; each read holds an active reference for its duration. */
    private final class Reader implements DumpReader {
        private final Dump dump;
        private final DumpInfo info;
        private volatile boolean closed;

        Reader(Dump dump) {
            this.dump = dump;
            this.info = dump.info();
        }

        @Override
        public DumpInfo info() {
            return info;
        }

        @Override
        public int read(long offset, ByteBuffer dst) {
            if (closed) {
                throw new IllegalStateException("the reader of " + dump.name() + " is closed");
            }
            return DumpRegistry.this.read(dump, offset, dst);
        }

        @Override
        public void close() {
            closed = true;
        }

        @Override
        public String toString() {
            return "DumpReader[" + dump + (closed ? ", closed" : "") + "]";
        }
    }

    // ---------------------------------------------------------------- helpers

    private Registration discard(Owner owner, String device, DumpSource source, DiscardReason reason, String detail) {
        freeRejected(owner, source, device);
        return new Registration.Discarded(reason, detail);
    }

    /** Frees a rejected source at once, in the registering (driver's own) thread. */
    private static void freeRejected(Owner owner, DumpSource source, String device) {
        try {
            source.free();
        } catch (RuntimeException | LinkageError e) {
            LOG.log(Level.WARNING, "bundle " + owner + ", device '" + device + "': free() of a rejected dump threw", e);
        }
    }

    private DiscardReason reserve(long size, RegistryConfig limits) {
        for (int held = heldDumps.get(); ; held = heldDumps.get()) {
            if (held >= limits.maxDumps()) {
                return DiscardReason.COUNT_CAP;
            }
            if (heldDumps.compareAndSet(held, held + 1)) {
                break;
            }
        }
        for (long held = heldBytes.get(); ; held = heldBytes.get()) {
            if (held + size > limits.maxTotalBytes()) {
                heldDumps.decrementAndGet();
                return DiscardReason.BYTES_CAP;
            }
            if (heldBytes.compareAndSet(held, held + size)) {
                return null;
            }
        }
    }

    private void unreserve(long size) {
        heldBytes.addAndGet(-size);
        heldDumps.decrementAndGet();
    }

    private void notifyAdded(DumpInfo info) {
        try {
            listener.added(info);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "a listener failed on ADDED of " + info.name(), e);
        }
    }

    private void notifyRemoved(DumpInfo info, RemovalReason reason) {
        try {
            listener.removed(info, reason);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "a listener failed on REMOVED of " + info.name(), e);
        }
    }

    private static void drainLoudly(Gate gate, Duration bound) {
        try {
            gate.closeAndDrain(bound);
        } catch (DrainTimeoutException e) {
            LOG.log(Level.ERROR, e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            LOG.log(Level.ERROR, "interrupted while draining {0}; calls may still be in flight: {1}", gate,
                    names(gate));
        }
    }

    private static String names(Gate gate) {
        return gate.threadsInside().stream().map(Thread::getName).collect(Collectors.joining(", ", "[", "]"));
    }

    static String deviceProblem(String device) {
        if (device == null || device.isEmpty() || device.length() > MAX_DEVICE_LENGTH || !printable(device)) {
            return "device: " + (device == null ? "null" : "'" + device + "'") + " (expected: 1 to "
                    + MAX_DEVICE_LENGTH + " printable characters, no spaces)";
        }
        return null;
    }

    /** No space or control character; char by char (on every registration: no stream), surrogates are neither. */
    private static boolean printable(String device) {
        for (int i = 0; i < device.length(); i++) {
            char c = device.charAt(i);
            if (c <= ' ' || Character.isISOControl(c)) {
                return false;
            }
        }
        return true;
    }

    /**
     * The timeouts on one thread. A cancelled timeout stays queued (no removal under the queue's lock on every dismiss)
     * until {@link #PURGE_EVERY} cancellations have piled up, then they are dropped together. Queued, a cancelled task
     * still orders the queue: the timer thread already waits for a deadline no later than a new dump's, so registering
     * usually neither takes the removal path nor wakes the timer thread. It holds at most {@link #PURGE_EVERY} such
     * tasks, each with a freed dump that keeps nothing of its driver.
     */
    static final class ExecutorTimer implements DumpTimer {
        static final int PURGE_EVERY = 1024;

        private final ScheduledThreadPoolExecutor timeouts;
        private final AtomicInteger cancelled = new AtomicInteger();

        ExecutorTimer(ScheduledThreadPoolExecutor timeouts) {
            this.timeouts = timeouts;
        }

        @Override
        public Future<?> schedule(Callable<?> task, Duration delay) {
            return timeouts.schedule(task, delay.toNanos(), TimeUnit.NANOSECONDS);
        }

        @Override
        public void cancelled() {
            if (cancelled.incrementAndGet() % PURGE_EVERY == 0) {
                timeouts.purge();
            }
        }
    }

    private static ThreadFactory daemon(String name) {
        return task -> {
            Thread thread = new Thread(task, name);
            thread.setDaemon(true);
            return thread;
        };
    }

    private static RegistryConfig requireValid(RegistryConfig candidate) {
        List<String> problems = candidate.problems();
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems));
        }
        return candidate;
    }

}
