package org.devcd.core.internal.coredump;

import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import org.devcd.release.Gate;

/**
 * A driver bundle that uses the coredump service: its identity (strings only: the registry never keeps an object or
 * class of the bundle), and the two gates that let its stop wait for everything in flight.
 *
 * <p>{@link #registrations} counts the driver's calls into the registry; {@link #callbacks} counts the registry's calls
 * into the driver's {@link org.devcd.coredump.DumpSource}s. {@link #devices} holds every dump of this owner, by device,
 * from the moment it is admitted until it is freed: it makes one dump per device atomic (R14), and lets a stop delete the
 * listed ones and wait for those another path is deleting.
 */
final class Owner {
    final long bundleId;
    final String symbolicName;
    final String version;
    final Gate registrations;
    final Gate callbacks;
    final ConcurrentHashMap<String, Dump> devices = new ConcurrentHashMap<>();

    Owner(long bundleId, String symbolicName, String version) {
        this.bundleId = bundleId;
        this.symbolicName = symbolicName;
        this.version = version;
        this.registrations = new Gate("coredump registrations of " + this);
        this.callbacks = new Gate("coredump callbacks into " + this);
    }

    /** @return the names of the threads inside {@code gate}, for a report */
    static String names(Gate gate) {
        return gate.threadsInside().stream().map(Thread::getName).collect(Collectors.joining(", ", "[", "]"));
    }

    @Override
    public String toString() {
        return symbolicName + " " + version + " [" + bundleId + "]";
    }
}
