package ${package};

import java.nio.ByteBuffer;

import org.devcd.coredump.DumpSource;

/**
 * A dump read on demand: the controller's RAM. The core calls {@link #read} while this bundle is alive, possibly on
 * several threads at once, and {@link #free()} exactly once.
 */
final class ControllerRam implements DumpSource {
    private volatile byte[] ram;

    ControllerRam(int size) {
        byte[] bytes = new byte[size];
        for (int i = 0; i < size; i++) {
            bytes[i] = (byte) i;
        }
        ram = bytes;
    }

    @Override
    public long size() {
        return ram.length;
    }

    @Override
    public int read(long offset, ByteBuffer dst) {
        byte[] bytes = ram;
        if (bytes == null) {
            throw new IllegalStateException("the controller's RAM was released");
        }
        int count = (int) Math.min(dst.remaining(), bytes.length - offset);
        dst.put(bytes, (int) offset, count);
        return count;
    }

    @Override
    public void free() {
        ram = null;
    }

    boolean isFreed() {
        return ram == null;
    }
}
