package org.devcd.core.internal.coredump;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.devcd.coredump.DiscardReason;

/**
 * The registry's memory budget: how many dumps and bytes are held. A dump reserves its share before it is listed and
 * gives it back the moment it leaves the list, not when its {@code free()} returns: a slow free never blocks new dumps.
 *
 * <p>Thread-safety: lock-free; a reservation is two CAS loops, and a count that passed its check but not the bytes'
 * is given back before the reservation fails.
 */
final class Caps {
    private final AtomicInteger heldDumps = new AtomicInteger();
    private final AtomicLong heldBytes = new AtomicLong();

    /** @return null when {@code size} bytes were reserved under {@code limits}; otherwise the cap it hit */
    DiscardReason reserve(long size, RegistryConfig limits) {
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

    /** Gives back what {@link #reserve} took for a dump of {@code size} bytes. */
    void release(long size) {
        heldBytes.addAndGet(-size);
        heldDumps.decrementAndGet();
    }

    int dumps() {
        return heldDumps.get();
    }

    long bytes() {
        return heldBytes.get();
    }

    /** @return the sentence that explains a discard for {@code reason}, a cap of {@link #reserve} */
    static String explain(DiscardReason reason, long size, RegistryConfig limits) {
        return reason == DiscardReason.COUNT_CAP
                ? "the registry holds maxDumps " + limits.maxDumps() + " dumps"
                : "a dump of " + size + " bytes would exceed maxTotalBytes " + limits.maxTotalBytes();
    }
}
