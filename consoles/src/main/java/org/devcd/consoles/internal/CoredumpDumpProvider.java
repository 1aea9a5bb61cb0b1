package org.devcd.consoles.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

import org.apache.karaf.diagnostic.core.DumpDestination;
import org.apache.karaf.diagnostic.core.DumpProvider;
import org.devcd.coredump.CoredumpAdmin;
import org.devcd.coredump.DumpInfo;
import org.devcd.coredump.DumpReadException;
import org.devcd.coredump.DumpReader;
import org.devcd.coredump.NoSuchDumpException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;

/**
 * devcd in Karaf's diagnostic archive ({@code dev:dump-create}, and whatever else calls Karaf's {@code Dump.dump}):
 * {@code devcd/status.txt} and {@code devcd/dumps.txt} always, as {@code devcd:status} and {@code devcd:list} would
 * show them, and each listed dump's content as {@code devcd/dumps/NAME.bin} only when configuration PID {@code
 * org.devcd.consoles} says {@code diagnostic.contents=true} (off by default: dumps may hold secrets, and diagnostic
 * archives travel).
 *
 * <p>A dump that is deleted before it is read, or whose driver fails the read, gets {@code devcd/dumps/NAME.error} with
 * the one-sentence reason instead; a {@code .bin} beside an {@code .error} is incomplete. The archive goes on with the
 * next dump.
 *
 * <p>Disabled until {@link ConsolePackages} sees the diagnostic API exported (in Karaf the system bundle always exports
 * it), so SCR neither loads this class nor registers the service before. A configuration change re-activates the
 * component; the configured values are also service properties. Thread-safety: stateless apart from the admin service
 * and the configuration; archives may be written concurrently.
 */
@Component(name = ConsolePackages.DIAGNOSTIC_PROVIDER, enabled = false, service = DumpProvider.class,
        configurationPid = "org.devcd.consoles")
@Designate(ocd = ConsolesConfig.class)
public final class CoredumpDumpProvider implements DumpProvider {
    private static final String FOLDER = "devcd/";
    private static final int CHUNK = 64 << 10;

    private final CoredumpAdmin admin;
    private final boolean contents;

    @Activate
    public CoredumpDumpProvider(@Reference(name = "admin") CoredumpAdmin admin, ConsolesConfig config) {
        this.admin = admin;
        this.contents = config.diagnostic_contents();
    }

    @Override
    public void createDump(DumpDestination destination) throws Exception {
        CoredumpReport report = CoredumpReport.of(admin);
        write(destination, FOLDER + "status.txt", TextReport.status(report.status(), report.counts()));
        write(destination, FOLDER + "dumps.txt", TextReport.dumps(report.dumps()));
        if (contents) {
            for (DumpInfo dump : report.dumps()) {
                content(destination, dump.name());
            }
        }
    }

    /** Adds {@code devcd/dumps/NAME.bin}, or {@code NAME.error} saying why the content could not be read. */
    private void content(DumpDestination destination, String name) throws Exception {
        String entry = FOLDER + "dumps/" + name;
        try (DumpReader reader = admin.open(name); OutputStream out = destination.add(entry + ".bin")) {
            copy(reader, out);
        } catch (NoSuchDumpException | DumpReadException e) {
            write(destination, entry + ".error", e.getMessage() + "\n");
        }
    }

    /** Streams the whole dump, a chunk at a time: a large dump never has to fit in memory. */
    private static void copy(DumpReader reader, OutputStream out) throws IOException {
        ByteBuffer chunk = ByteBuffer.allocate(CHUNK);
        long offset = 0;
        for (int count; (count = reader.read(offset, chunk.clear())) > 0; offset += count) {
            out.write(chunk.array(), 0, count);
        }
    }

    private static void write(DumpDestination destination, String entry, String text) throws Exception {
        try (OutputStream out = destination.add(entry)) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        }
    }
}
