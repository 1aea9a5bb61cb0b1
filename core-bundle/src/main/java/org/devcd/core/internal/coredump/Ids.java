package org.devcd.core.internal.coredump;

import java.util.concurrent.atomic.AtomicLong;

/**
 * The N of {@code devcdN}: starts after the last id a previous registry may have given out, and never gives an id twice.
 * Ids are recorded as given out in blocks of {@link #BLOCK} ahead of use (one write per block, not per dump), and exactly
 * at a clean {@link #close()}: so a restart continues where the last clean stop left off, and after a crash it skips at
 * most one block.
 *
 * <p>Thread-safety: {@link #next()} is one atomic increment, plus a short lock once per block.
 */
final class Ids {
    static final long BLOCK = 4096;

    private final RegistryState state;
    private final AtomicLong last;
    /** Ids up to here are recorded as given out; guarded by this for writes. */
    private volatile long recorded;

    Ids(RegistryState state) {
        this.state = state;
        long start = state.idsGivenOut();
        this.last = new AtomicLong(start);
        this.recorded = start;
    }

    long next() {
        long id = last.incrementAndGet();
        if (id > recorded) {
            synchronized (this) {
                if (id > recorded) {
                    long upTo = id + BLOCK;
                    state.recordIdsGivenOut(upTo);
                    recorded = upTo;
                }
            }
        }
        return id;
    }

    /** Records exactly how far ids went, so the next registry continues from there. */
    synchronized void close() {
        long upTo = last.get();
        state.recordIdsGivenOut(upTo);
        recorded = upTo;
    }
}
