package org.devcd.core.internal.coredump;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

import org.devcd.coredump.CoredumpService;
import org.devcd.coredump.DumpSource;
import org.devcd.coredump.Registration;

/** One bundle's {@link CoredumpService}: every call names its owner to the registry. */
public final class DriverCoredumps implements CoredumpService {
    private final DumpRegistry registry;
    final Owner owner;

    DriverCoredumps(DumpRegistry registry, Owner owner) {
        this.registry = registry;
        this.owner = owner;
    }

    @Override
    public Registration dumpv(String device, byte[] data) {
        Objects.requireNonNull(data, "data");
        return registry.register(owner, device, new BytesSource(data), null);
    }

    @Override
    public Registration dumpm(String device, DumpSource source) {
        Objects.requireNonNull(source, "source");
        return registry.register(owner, device, source, null);
    }

    @Override
    public Registration dumpm(String device, DumpSource source, Duration timeout) {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(timeout, "timeout");
        return registry.register(owner, device, source, timeout);
    }

    @Override
    public Registration dumpsg(String device, List<ByteBuffer> chunks) {
        Objects.requireNonNull(chunks, "chunks");
        for (int i = 0; i < chunks.size(); i++) {
            Objects.requireNonNull(chunks.get(i), "chunks[" + i + "]");
        }
        return registry.register(owner, device, new ChunksSource(chunks), null);
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
