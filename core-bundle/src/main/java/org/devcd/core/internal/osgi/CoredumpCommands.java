package org.devcd.core.internal.osgi;

import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.util.List;

import org.apache.felix.service.command.Descriptor;
import org.devcd.coredump.CoredumpAdmin;
import org.devcd.coredump.CoredumpCounts;
import org.devcd.coredump.CoredumpStatus;
import org.devcd.coredump.DumpInfo;
import org.devcd.coredump.DumpReadException;
import org.devcd.coredump.DumpReader;
import org.devcd.coredump.NoSuchDumpException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The Gogo commands of scope {@code devcd} (also Karaf's): {@code list}, {@code read NAME [FILE]}, {@code dismiss NAME},
 * {@code disable}, {@code status}. Each prints to the session's console ({@code System.out}, which Gogo and Karaf route
 * to the session that runs the command) and returns nothing, so a script ({@code bin/client}, ssh, a piped shell) sees
 * the output; a failure throws a {@link CommandFailure} with one sentence, so a script sees a non-zero exit.
 * {@code @Descriptor} texts show in {@code help}; without Gogo's runtime the annotation is simply absent.
 *
 * <p>Each command also has an overload that takes any arguments ({@code Object...}) and fails with the command's usage.
 * Gogo calls the overload whose parameters fit the typed arguments at the lowest cost, and an exact fit always costs
 * less than the catch-all; so the catch-all runs only for arguments that fit no real signature (a missing name, one
 * argument too many), which would otherwise fail with Gogo's "Cannot coerce dismiss() to any of [(String)]".
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
    static final String READ_USAGE = "usage: devcd:read NAME [FILE] (NAME as devcd:list shows it; FILE, a new file, "
            + "receives the whole dump)";
    static final String DISMISS_USAGE = "usage: devcd:dismiss NAME (NAME as devcd:list shows it)";

    private final CoredumpAdmin admin;

    @Activate
    public CoredumpCommands(@Reference CoredumpAdmin admin) {
        this.admin = admin;
    }

    @Descriptor("list the device coredumps: name, bundle, device, size, when created, when it expires")
    public void list() {
        List<DumpInfo> dumps = admin.list();
        out().print(dumps.isEmpty() ? "no coredumps" + System.lineSeparator() : DumpTable.of(dumps));
    }

    @Descriptor("wrong arguments: show how to call devcd:list")
    public void list(@Descriptor("none expected") Object... wrong) {
        throw new CommandFailure("usage: devcd:list (no arguments)");
    }

    @Descriptor("wrong arguments: show how to read a dump")
    public void read(@Descriptor("a name, or a name and a file, expected") Object... wrong) {
        throw new CommandFailure(READ_USAGE);
    }

    @Descriptor("show a dump's size, owner and first 256 bytes as hex and text")
    public void read(@Descriptor("the dump's name, for example devcd1") String name) {
        try (DumpReader reader = admin.open(name)) {
            DumpInfo info = reader.info();
            ByteBuffer preview = ByteBuffer.allocate((int) Math.min(PREVIEW_BYTES, info.size()));
            while (preview.hasRemaining() && reader.read(preview.position(), preview) > 0) {
                // reads until the preview is full or the dump ends
            }
            StringBuilder text = new StringBuilder(info.name() + ": " + info.size() + " bytes from "
                    + info.bundleSymbolicName() + " " + info.bundleVersion() + ", device " + info.device());
            HexDump.append(preview.array(), preview.position(), text);
            if (info.size() > preview.position()) {
                text.append(System.lineSeparator()).append("... ").append(info.size() - preview.position())
                        .append(" more bytes: devcd:read ").append(info.name()).append(" FILE writes them all");
            }
            out().println(text);
        } catch (NoSuchDumpException | DumpReadException e) {
            throw new CommandFailure(e.getMessage());
        }
    }

    @Descriptor("write a whole dump into a new file")
    public void read(@Descriptor("the dump's name, for example devcd1") String name,
            @Descriptor("the file to create; it must not exist, its folder must") String file) {
        try {
            out().println(DumpFile.write(admin, name, file));
        } catch (NoSuchDumpException | DumpReadException e) {
            throw new CommandFailure(e.getMessage());
        }
    }

    @Descriptor("delete a dump now")
    public void dismiss(@Descriptor("the dump's name, for example devcd1") String name) {
        if (!admin.dismiss(name)) {
            throw new CommandFailure("no dump named '" + name + "' (or it is being deleted)");
        }
        out().println(name + " dismissed");
    }

    @Descriptor("wrong arguments: show how to call devcd:dismiss")
    public void dismiss(@Descriptor("one name expected") Object... wrong) {
        throw new CommandFailure(DISMISS_USAGE);
    }

    @Descriptor("disable coredumps for good: delete every dump and discard new ones (see the README to lift it)")
    public void disable() {
        out().println(admin.disable() ? "coredumps disabled: new dumps are discarded, listed ones were deleted"
                : "coredumps were already disabled");
    }

    @Descriptor("wrong arguments: show how to call devcd:disable")
    public void disable(@Descriptor("none expected") Object... wrong) {
        throw new CommandFailure("usage: devcd:disable (no arguments: it disables coredumps for good)");
    }

    @Descriptor("show whether coredumps are enabled, what is held, and the limits in force")
    public void status() {
        out().println(status(admin.status(), admin.counts()));
    }

    @Descriptor("wrong arguments: show how to call devcd:status")
    public void status(@Descriptor("none expected") Object... wrong) {
        throw new CommandFailure("usage: devcd:status (no arguments)");
    }

    /** @return the status in three lines; the MBean shows the same */
    static String status(CoredumpStatus s, CoredumpCounts counts) {
        return "coredumps " + (s.disabled() ? "disabled" : "enabled") + ": " + s.dumps() + " listed, " + s.bytes()
                + " bytes held" + System.lineSeparator()
                + "since the core started: " + counts.registered() + " registered, " + counts.discarded()
                + " discarded, " + counts.removed() + " removed" + System.lineSeparator()
                + "limits: timeout " + s.defaultTimeout() + ", max dump " + s.maxDumpBytes() + " bytes, max "
                + s.maxDumps() + " dumps, max " + s.maxTotalBytes() + " bytes in all, drain timeout "
                + s.drainTimeout();
    }

    /** The session's console: Gogo and Karaf set {@code System.out} to it for the thread that runs the command. */
    private static PrintStream out() {
        return System.out;
    }
}
