package org.devcd.core.internal.osgi;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.System.Logger.Level;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Properties;

import org.devcd.core.internal.coredump.RegistryState;

/**
 * The registry's state in the core bundle's data area ({@code BundleContext.getDataFile}): in Felix
 * {@code <org.osgi.framework.storage>/bundle<ID>/data/coredumps.properties}, in Karaf under {@code data/cache/}. It
 * survives restarts of the core and of the framework with the same storage, and goes when the core is uninstalled.
 * Keys: {@code disabled=true} once coredumps were disabled; {@code ids.given.out=N}, the highest id that may have been
 * given out. Each write replaces the file atomically.
 *
 * <p>Thread-safety: writes are serialised on this object. A failed write is logged at ERROR; the registry keeps its
 * state in memory and goes on.
 */
final class DataFileState implements RegistryState {
    static final String FILE = "coredumps.properties";
    private static final System.Logger LOG = System.getLogger(DataFileState.class.getName());

    private final Path file;
    private final Properties values = new Properties();

    DataFileState(Path file) {
        this.file = file;
        if (Files.isRegularFile(file)) {
            try (InputStream in = Files.newInputStream(file)) {
                values.load(in);
            } catch (IOException | IllegalArgumentException e) {
                LOG.log(Level.ERROR, "cannot read the coredump state in " + file + "; starting from an empty one", e);
            }
        }
    }

    @Override
    public synchronized boolean disabled() {
        return Boolean.parseBoolean(values.getProperty("disabled"));
    }

    @Override
    public synchronized void recordDisabled() {
        values.setProperty("disabled", "true");
        write();
    }

    @Override
    public synchronized long idsGivenOut() {
        try {
            return Long.parseLong(values.getProperty("ids.given.out", "0"));
        } catch (NumberFormatException e) {
            LOG.log(Level.ERROR, "{0}: ids.given.out is {1}, not a number; names start again at devcd1", file,
                    values.getProperty("ids.given.out"));
            return 0;
        }
    }

    @Override
    public synchronized void recordIdsGivenOut(long upTo) {
        values.setProperty("ids.given.out", Long.toString(upTo));
        write();
    }

    private void write() {
        try {
            Files.createDirectories(file.getParent());
            Path next = file.resolveSibling(FILE + ".new");
            try (OutputStream out = Files.newOutputStream(next)) {
                values.store(out, "devcd coredump registry state; see the README, 'Disabling coredumps'");
            }
            Files.move(next, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            LOG.log(Level.ERROR, "cannot write the coredump state to " + file + "; it holds only until the core stops",
                    e);
        }
    }
}
