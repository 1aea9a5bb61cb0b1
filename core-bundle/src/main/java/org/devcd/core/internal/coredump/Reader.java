package org.devcd.core.internal.coredump;

import java.lang.System.Logger.Level;
import java.nio.ByteBuffer;
import java.util.Objects;

import org.devcd.coredump.DumpInfo;
import org.devcd.coredump.DumpReadException;
import org.devcd.coredump.DumpReader;
import org.devcd.coredump.NoSuchDumpException;
import org.devcd.release.Gate;
import org.devcd.release.GateClosedException;

/**
 * An admin's reader of one dump. Each read holds an active reference on the dump for its duration (so the dump is not
 * freed under it, I2) and enters its owner's callbacks gate around the driver's {@code read()} (so a stopping owner
 * waits for it). The driver's answer is checked before it reaches the caller.
 *
 * <p>Thread-safety: reads may run on several threads at once; each is independent.
 */
final class Reader implements DumpReader {
    private static final System.Logger LOG = System.getLogger(Reader.class.getName());

    private final Dump dump;
    private final DumpInfo info;
    private volatile boolean closed;

    Reader(Dump dump) {
        this.dump = dump;
        this.info = dump.info();
    }

    @Override
    public DumpInfo info() {
        return info;
    }

    @Override
    public int read(long offset, ByteBuffer dst) {
        if (closed) {
            throw new IllegalStateException("the reader of " + dump.name() + " is closed");
        }
        if (offset < 0) {
            throw new IllegalArgumentException("offset: " + offset + " (expected: >= 0)");
        }
        Objects.requireNonNull(dst, "dst");
        if (!dump.enterRead()) {
            throw new NoSuchDumpException(dump.name() + " was deleted");
        }
        try {
            return readActive(offset, dst);
        } finally {
            dump.releaseActive();
        }
    }

    private int readActive(long offset, ByteBuffer dst) {
        if (offset >= dump.size) {
            return -1;
        }
        int wanted = (int) Math.min(dst.remaining(), dump.size - offset);
        if (wanted == 0) {
            return 0;
        }
        ByteBuffer window = dst.slice().limit(wanted);
        int count;
        try (Gate.Pass pass = dump.owner.callbacks.enter()) {
            InDriverCode.enter(dump);
            try {
                count = dump.source().read(offset, window);
            } finally {
                InDriverCode.exit();
            }
        } catch (GateClosedException closed) {
            throw new NoSuchDumpException(dump.name() + " was deleted: bundle " + dump.owner + " is gone");
        } catch (Throwable e) { // whatever the driver's code throws, Errors too, reaches the admin as a DumpReadException
            LOG.log(Level.WARNING, dump + ": read at offset " + offset + " threw", e);
            throw new DumpReadException(dump.name() + " (bundle " + dump.owner + "): read at offset " + offset
                    + " failed: " + e, e);
        }
        if (count <= 0 || count > wanted || window.position() != count) {
            throw new DumpReadException(dump.name() + " (bundle " + dump.owner + "): read at offset " + offset
                    + " returned " + count + " and advanced the buffer by " + window.position()
                    + " (expected: the same count, 1 to " + wanted + ")", null);
        }
        dst.position(dst.position() + count);
        return count;
    }

    @Override
    public void close() {
        closed = true;
    }

    @Override
    public String toString() {
        return "DumpReader[" + dump + (closed ? ", closed" : "") + "]";
    }
}
