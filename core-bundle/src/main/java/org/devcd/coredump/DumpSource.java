package org.devcd.coredump;

import java.nio.ByteBuffer;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A driver's dump data, read on demand ({@code dev_coredumpm}'s {@code read} and {@code free} callbacks).
 *
 * <p>The registry calls these methods only while the driver bundle is alive, counts every call so that a stopping driver
 * waits for the calls in flight, and never calls them while holding a lock.
 *
 * <p>Threads: {@link #size()} runs once, in the registering thread. {@link #read} may run on several threads at once
 * (each admin's reader is independent), so it must be safe for concurrent calls. {@link #free()} runs exactly once: in
 * the registering thread when the dump is discarded, in the caller's thread for {@code put} and for an admin's dismiss,
 * on a core thread ({@code devcd-coredump-free}) for a timeout, a disable, the driver's stop and the core's stop, and,
 * when this source's own {@link #read} deleted its dump, in the reading thread as that read returns.
 *
 * <p>{@link #free()} runs after every read has finished, with one exception: a read still inside {@link #read} when the
 * drain bound ({@code drain.timeout.millis}) runs out is logged at ERROR with its thread, and {@code free()} runs anyway,
 * possibly while that read is still inside. After {@code free()} no new call is made.
 *
 * <p>{@code free()} may call back into devcd; every such call returns at once. {@code put} of the device being freed
 * returns true without waiting for itself; {@code put} of another device deletes its live dump, or returns true without
 * waiting when another deletion already has it; a new registration is registered after a dismiss, timeout or put, and
 * discarded during a disable, the driver's stop or the core's stop. {@link #read} may call back too, and delete the
 * very dump it reads (dismiss, put, disable): the call returns at once and the dump is freed once its reads returned.
 *
 * <p>Whatever these methods throw, {@code Error}s included, is the driver's failure: a failing {@link #size()} discards
 * the registration ({@code SOURCE_FAILED}), a failing {@link #read} reaches the admin as a {@link DumpReadException},
 * and a failing {@link #free()} is logged; the dump is freed once all the same.
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
