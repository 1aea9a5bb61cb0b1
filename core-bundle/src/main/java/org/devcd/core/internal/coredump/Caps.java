package org.devcd.core.internal.coredump;

import java.util.concurrent.atomic.AtomicLong;

import org.devcd.coredump.DiscardReason;

/**
 * The registry's memory budget: how many dumps and bytes are held. A dump reserves its share before it is listed and
 * gives it back the moment it leaves the list, not when its {@code free()} returns: a slow free never blocks new dumps.
 *
 * <p>Both figures live in one atomic word, the count in the top {@value #COUNT_BITS} bits and the bytes below, so a
 * reservation is one CAS that checks both caps, and a release one add.
 *
 * <p>Thread-safety: lock-free.
 */
final class Caps {
    static final int COUNT_BITS = 20;
    private static final int BYTE_BITS = Long.SIZE - COUNT_BITS;
    private static final long BYTES_MASK = (1L << BYTE_BITS) - 1;
    /** The largest budget one word holds: about a million dumps and 8 TiB, far past any configured cap. */
    static final long MAX_BYTES = BYTES_MASK >>> 1;
    static final int MAX_COUNT = (1 << (COUNT_BITS - 1)) - 1;

    private final AtomicLong held = new AtomicLong();

    /** @return null when {@code size} bytes were reserved under {@code limits}; otherwise the cap it hit */
    DiscardReason reserve(long size, RegistryConfig limits) {
        for (long word = held.get(); ; word = held.get()) {
            long dumps = word >>> BYTE_BITS;
            long bytes = word & BYTES_MASK;
            if (dumps >= Math.min(limits.maxDumps(), MAX_COUNT)) {
                return DiscardReason.COUNT_CAP;
            }
            if (bytes + size > Math.min(limits.maxTotalBytes(), MAX_BYTES)) {
                return DiscardReason.BYTES_CAP;
            }
            if (held.compareAndSet(word, word + (1L << BYTE_BITS) + size)) {
                return null;
            }
        }
    }

    /** Gives back what {@link #reserve} took for a dump of {@code size} bytes. */
    void release(long size) {
        held.addAndGet(-((1L << BYTE_BITS) + size));
    }

    int dumps() {
        return (int) (held.get() >>> BYTE_BITS);
    }

    long bytes() {
        return held.get() & BYTES_MASK;
    }

    /** @return the sentence that explains a discard for {@code reason}, a cap of {@link #reserve} */
    static String explain(DiscardReason reason, long size, RegistryConfig limits) {
        return reason == DiscardReason.COUNT_CAP
                ? "the registry holds maxDumps " + limits.maxDumps() + " dumps"
                : "a dump of " + size + " bytes would exceed maxTotalBytes " + limits.maxTotalBytes();
    }
}
