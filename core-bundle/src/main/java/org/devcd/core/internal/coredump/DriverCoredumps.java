package org.devcd.core.internal.coredump;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

import org.devcd.coredump.CoredumpService;
import org.devcd.coredump.DumpSource;
import org.devcd.coredump.Registration;

/**
 * One bundle's {@link CoredumpService}: every call names its owner to the registry. The core's OSGi component hands
 * one to each bundle that gets the service and calls {@link #detach()} when the bundle releases it.
 *
 * <p>Ownership rule: once a call has the data it frees it on every path. A null {@code data}, {@code source} or
 * {@code chunks} is a NullPointerException (there is nothing to free); every other bad argument (device, timeout, a null
 * chunk) frees the data first, then throws IllegalArgumentException.
 */
public final class DriverCoredumps implements CoredumpService {
    private final DumpRegistry registry;
    final Owner owner;

    private DriverCoredumps(DumpRegistry registry, Owner owner) {
        this.registry = registry;
        this.owner = owner;
    }

    /** @return the service of a bundle that got it; {@link #detach()} ends it */
    public static DriverCoredumps attach(DumpRegistry registry, long bundleId, String symbolicName, String version) {
        return new DriverCoredumps(registry, registry.attach(bundleId, symbolicName, version));
    }

    @Override
    public Registration dumpv(String device, byte[] data) {
        Objects.requireNonNull(data, "data");
        return registry.register(owner, device, new BytesSource(data), Admission.DEFAULT_TIMEOUT);
    }

    @Override
    public Registration dumpm(String device, DumpSource source) {
        Objects.requireNonNull(source, "source");
        return registry.register(owner, device, source, Admission.DEFAULT_TIMEOUT);
    }

    @Override
    public Registration dumpm(String device, DumpSource source, Duration timeout) {
        Objects.requireNonNull(source, "source");
        return registry.register(owner, device, source, timeout);
    }

    @Override
    public Registration dumpsg(String device, List<ByteBuffer> chunks) {
        Objects.requireNonNull(chunks, "chunks");
        for (int i = 0; i < chunks.size(); i++) {
            if (chunks.get(i) == null) {
                throw new IllegalArgumentException("chunks[" + i + "]: null (expected: a buffer)");
            }
        }
        return registry.register(owner, device, new ChunksSource(chunks), Admission.DEFAULT_TIMEOUT);
    }

    @Override
    public boolean put(String device) {
        return registry.put(owner, device);
    }

    /** The bundle stopped or released the service: its dumps go, synchronously, and later calls are discarded. */
    public void detach() {
        registry.detach(owner);
    }

    @Override
    public String toString() {
        return "CoredumpService[" + owner + "]";
    }
}
