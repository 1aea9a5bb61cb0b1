package org.devcd.coredump;

import java.nio.ByteBuffer;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Reads one dump by offset. Each {@link #read(long, ByteBuffer)} holds an active reference on the dump for its duration
 * (kernfs style): the dump cannot be freed under a read in flight, and a deletion waits for it. Reads that start after the
 * dump was deleted throw {@link NoSuchDumpException}.
 *
 * <p>Thread-safety: reads may run concurrently, from any thread.
 */
@ProviderType
public interface DumpReader extends AutoCloseable {

    /** @return the dump this reader reads */
    DumpInfo info();

    /**
     * Copies bytes of the dump from {@code offset} into {@code dst}.
     *
     * @param offset where to start, >= 0
     * @param dst where to copy to; its position advances by the count copied
     * @return the count copied, or -1 if {@code offset} is at or past the end
     * @throws NoSuchDumpException if the dump was deleted
     * @throws DumpReadException if the driver's source failed or broke its contract; the dump stays listed
     */
    int read(long offset, ByteBuffer dst);

    /** Ends this reader; later reads throw {@link IllegalStateException}. */
    @Override
    void close();
}
