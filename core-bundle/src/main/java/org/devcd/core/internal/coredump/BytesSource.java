package org.devcd.core.internal.coredump;

import java.nio.ByteBuffer;

import org.devcd.coredump.DumpSource;

/** The source of a {@code dumpv}: the driver's array, owned by the core; free drops it. */
final class BytesSource implements DumpSource {
    /**
     * Plain: the registry calls {@code free()} only after every read has left (its drain is the happens-before edge),
     * and a volatile write would cost a fence on every deletion.
     */
    private byte[] data;

    BytesSource(byte[] data) {
        this.data = data;
    }

    @Override
    public long size() {
        return data.length;
    }

    @Override
    public int read(long offset, ByteBuffer dst) {
        byte[] bytes = data;
        int count = (int) Math.min(dst.remaining(), bytes.length - offset);
        dst.put(bytes, (int) offset, count);
        return count;
    }

    @Override
    public void free() {
        data = null;
    }
}
