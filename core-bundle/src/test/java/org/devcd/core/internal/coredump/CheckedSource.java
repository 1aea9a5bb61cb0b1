package org.devcd.core.internal.coredump;

import java.nio.ByteBuffer;
import java.util.concurrent.atomic.AtomicInteger;

import org.devcd.coredump.DumpSource;

/**
 * A source that checks the registry's promises to a driver as they happen: free at most once, never while a read is in
 * flight, and no read after free. {@link #violation()} names the first broken promise.
 */
final class CheckedSource implements DumpSource {
    private final int size;
    final AtomicInteger frees = new AtomicInteger();
    private final AtomicInteger readsInFlight = new AtomicInteger();
    private volatile String violation;

    CheckedSource(int size) {
        this.size = size;
    }

    @Override
    public long size() {
        return size;
    }

    @Override
    public int read(long offset, ByteBuffer dst) {
        readsInFlight.incrementAndGet();
        try {
            if (frees.get() > 0) {
                violation = "read after free";
            }
            int count = (int) Math.min(dst.remaining(), size - offset);
            dst.position(dst.position() + count);
            return count;
        } finally {
            readsInFlight.decrementAndGet();
        }
    }

    @Override
    public void free() {
        if (readsInFlight.get() != 0) {
            violation = "free while a read was in flight";
        }
        if (frees.incrementAndGet() > 1) {
            violation = "freed " + frees.get() + " times";
        }
    }

    String violation() {
        return violation;
    }
}
