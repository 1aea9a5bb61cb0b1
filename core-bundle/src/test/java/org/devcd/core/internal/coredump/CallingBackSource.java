package org.devcd.core.internal.coredump;

import java.nio.ByteBuffer;

import org.devcd.coredump.DumpSource;

/**
 * A one-byte dump whose {@code read()} and {@code free()} call back into devcd: a test overrides {@link #onRead} or
 * {@link #onFree} with its calls. Counts its frees, and the frees it had seen when its read's call returned.
 */
class CallingBackSource implements DumpSource {
    volatile int frees;
    volatile int freesSeenInsideRead = -1;

    /** What the driver does from inside its read, before it copies its byte. */
    void onRead() {
    }

    /** What the driver does from inside its free, after it counted it. */
    void onFree() {
    }

    @Override
    public long size() {
        return 1;
    }

    @Override
    public int read(long offset, ByteBuffer dst) {
        onRead();
        freesSeenInsideRead = frees;
        dst.put((byte) 1);
        return 1;
    }

    @Override
    public void free() {
        frees++;
        onFree();
    }
}
