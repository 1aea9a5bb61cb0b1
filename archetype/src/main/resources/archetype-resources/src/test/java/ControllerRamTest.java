package ${package};

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.nio.ByteBuffer;

import org.junit.Test;

/** The dump source keeps the DumpSource contract: sized, read at any offset, released by free(). */
public class ControllerRamTest {

    /** A read at an offset copies from there and advances the buffer by the count it returns. */
    @Test
    public void readsFromAnOffset() {
        ControllerRam ram = new ControllerRam(16);
        ByteBuffer dst = ByteBuffer.allocate(4);

        assertEquals(16, ram.size());
        assertEquals(4, ram.read(10, dst));
        assertArrayEquals(new byte[] {10, 11, 12, 13}, dst.array());
        assertEquals(4, dst.position());
    }

    /** free() lets go of the RAM; a read that outlived the core's drain bound fails instead of reading garbage. */
    @Test
    public void freeReleasesTheRam() {
        ControllerRam ram = new ControllerRam(16);
        ram.free();

        assertTrue(ram.isFreed());
        assertThrows(IllegalStateException.class, () -> ram.read(0, ByteBuffer.allocate(4)));
    }
}
