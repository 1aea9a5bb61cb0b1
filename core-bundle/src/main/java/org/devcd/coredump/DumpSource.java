package org.devcd.coredump;

import java.nio.ByteBuffer;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A driver's dump data, read on demand ({@code dev_coredumpm}'s {@code read} and {@code free} callbacks).
 *
 * <p>The registry calls these methods only while the driver bundle is alive, counts every call so that a stopping driver
 * waits for the calls in flight, and never calls them while holding a lock. {@link #free()} is called exactly once, after
 * every read has finished; after it, no method of this source is called again.
 */
@ConsumerType
public interface DumpSource {

    /** @return the dump's size in bytes, >= 0; called once, at registration */
    long size();

    /**
     * Copies bytes from {@code offset} into {@code dst}, at most {@code dst.remaining()}.
     *
     * @param offset where to start, {@code 0 <= offset < size()}
     * @param dst where to copy to; its position advances by the count copied
     * @return the count copied, {@code 0 < count <= dst.remaining()}
     */
    int read(long offset, ByteBuffer dst);

    /** Releases the data. Called exactly once, by the registry, also when the registration was discarded. */
    void free();
}
