package org.devcd.core.internal.osgi;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

import org.devcd.coredump.CoredumpAdmin;
import org.devcd.coredump.CoredumpStatus;
import org.devcd.coredump.DumpInfo;
import org.devcd.coredump.DumpReadException;
import org.devcd.coredump.DumpReader;
import org.devcd.coredump.NoSuchDumpException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The Gogo commands of scope {@code devcd}: {@code list}, {@code read NAME [FILE]}, {@code dismiss NAME}, {@code disable},
 * {@code status}. Each returns the text to print; a failure is one line starting with {@code devcd:}, never a stack trace.
 */
@Component(service = CoredumpCommands.class, property = {
    "osgi.command.scope=devcd",
    "osgi.command.function=list",
    "osgi.command.function=read",
    "osgi.command.function=dismiss",
    "osgi.command.function=disable",
    "osgi.command.function=status"
})
public final class CoredumpCommands {
    static final int PREVIEW_BYTES = 256;
    private static final int CHUNK = 64 << 10;

    private final CoredumpAdmin admin;

    @Activate
    public CoredumpCommands(@Reference CoredumpAdmin admin) {
        this.admin = admin;
    }

    /** {@code devcd:list}: one line per dump. */
    public String list() {
        List<DumpInfo> dumps = admin.list();
        if (dumps.isEmpty()) {
            return "no coredumps";
        }
        StringBuilder out = new StringBuilder(String.format("%-10s %-32s %-16s %10s  %-20s  %s%n", "NAME", "BUNDLE",
                "DEVICE", "SIZE", "CREATED", "DEADLINE"));
        for (DumpInfo dump : dumps) {
            out.append(String.format("%-10s %-32s %-16s %10d  %-20s  %s%n", dump.name(),
                    dump.bundleSymbolicName() + " " + dump.bundleVersion(), dump.device(), dump.size(), dump.created(),
                    dump.deadline()));
        }
        return out.toString().stripTrailing();
    }

    /** {@code devcd:read NAME}: a hex and text preview of the dump's first bytes. */
    public String read(String name) {
        try (DumpReader reader = admin.open(name)) {
            DumpInfo info = reader.info();
            ByteBuffer preview = ByteBuffer.allocate((int) Math.min(PREVIEW_BYTES, info.size()));
            while (preview.hasRemaining() && reader.read(preview.position(), preview) > 0) {
                // reads until the preview is full or the dump ends
            }
            StringBuilder out = new StringBuilder(info.name() + ": " + info.size() + " bytes from "
                    + info.bundleSymbolicName() + " " + info.bundleVersion() + ", device " + info.device());
            hexDump(preview.array(), preview.position(), out);
            if (info.size() > preview.position()) {
                out.append(System.lineSeparator()).append("... ").append(info.size() - preview.position())
                        .append(" more bytes: devcd:read ").append(info.name()).append(" FILE writes them all");
            }
            return out.toString();
        } catch (NoSuchDumpException | DumpReadException e) {
            return "devcd: " + e.getMessage();
        }
    }

    /** {@code devcd:read NAME FILE}: the whole dump into a new file. */
    public String read(String name, String file) {
        Path target = Path.of(file).toAbsolutePath();
        try (DumpReader reader = admin.open(name);
                FileChannel out = FileChannel.open(target, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            ByteBuffer chunk = ByteBuffer.allocate(CHUNK);
            long offset = 0;
            for (int count; (count = reader.read(offset, chunk.clear())) > 0; offset += count) {
                chunk.flip();
                while (chunk.hasRemaining()) {
                    out.write(chunk);
                }
            }
            return name + ": " + offset + " bytes written to " + target;
        } catch (NoSuchDumpException | DumpReadException e) {
            return "devcd: " + e.getMessage();
        } catch (FileAlreadyExistsException e) {
            return "devcd: " + target + " exists; name a new file";
        } catch (IOException e) {
            return "devcd: cannot write " + target + ": " + e;
        }
    }

    /** {@code devcd:dismiss NAME}: deletes the dump now. */
    public String dismiss(String name) {
        return admin.dismiss(name) ? name + " dismissed" : "devcd: no dump named '" + name + "' (or it is being deleted)";
    }

    /** {@code devcd:disable}: the write-once lockdown. */
    public String disable() {
        return admin.disable() ? "coredumps disabled: new dumps are discarded, listed ones were deleted"
                : "coredumps were already disabled";
    }

    /** {@code devcd:status}: the registry at a glance. */
    public String status() {
        CoredumpStatus s = admin.status();
        return "coredumps " + (s.disabled() ? "disabled" : "enabled") + ": " + s.dumps() + " listed, " + s.bytes()
                + " bytes held, " + s.registered() + " registered since start" + System.lineSeparator()
                + "limits: timeout " + s.defaultTimeout() + ", max dump " + s.maxDumpBytes() + " bytes, max "
                + s.maxDumps() + " dumps, max " + s.maxTotalBytes() + " bytes in all, drain timeout "
                + s.drainTimeout();
    }

    private static void hexDump(byte[] bytes, int length, StringBuilder out) {
        for (int line = 0; line < length; line += 16) {
            out.append(System.lineSeparator()).append(String.format("%08x ", line));
            StringBuilder text = new StringBuilder();
            for (int i = line; i < line + 16; i++) {
                if (i % 8 == 0) {
                    out.append(' ');
                }
                if (i < length) {
                    out.append(String.format("%02x ", bytes[i]));
                    text.append(bytes[i] >= 0x20 && bytes[i] < 0x7f ? (char) bytes[i] : '.');
                } else {
                    out.append("   ");
                }
            }
            out.append(" |").append(text).append('|');
        }
    }
}
