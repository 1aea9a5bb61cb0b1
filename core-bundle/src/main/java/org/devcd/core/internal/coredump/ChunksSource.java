package org.devcd.core.internal.coredump;

import java.nio.ByteBuffer;
import java.util.List;

import org.devcd.coredump.DumpSource;

/**
 * The source of a {@code dumpsg}: the driver's buffers read in order as one dump ({@code sg_pcopy_to_buffer}), owned by
 * the core; free drops them.
 */
final class ChunksSource implements DumpSource {
    private final long size;
    private volatile ByteBuffer[] chunks;

    ChunksSource(List<ByteBuffer> parts) {
        ByteBuffer[] copies = new ByteBuffer[parts.size()];
        long total = 0;
        for (int i = 0; i < copies.length; i++) {
            copies[i] = parts.get(i).asReadOnlyBuffer();
            total += copies[i].remaining();
        }
        this.chunks = copies;
        this.size = total;
    }

    @Override
    public long size() {
        return size;
    }

    @Override
    public int read(long offset, ByteBuffer dst) {
        int copied = 0;
        long chunkStart = 0;
        for (ByteBuffer chunk : chunks) {
            int length = chunk.remaining();
            long from = offset + copied;
            if (from < chunkStart + length && dst.hasRemaining()) {
                int at = (int) (from - chunkStart);
                int count = Math.min(length - at, dst.remaining());
                dst.put(chunk.slice(chunk.position() + at, count));
                copied += count;
            }
            chunkStart += length;
        }
        return copied;
    }

    @Override
    public void free() {
        chunks = null;
    }
}
