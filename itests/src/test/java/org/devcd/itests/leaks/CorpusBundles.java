package org.devcd.itests.leaks;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import org.devcd.itests.leaks.corpus.LogHandlerLeak;
import org.devcd.itests.leaks.corpus.NoLeak;
import org.devcd.itests.leaks.host.HostActivator;
import org.devcd.itests.leaks.host.HostCache;
import org.devcd.itests.leaks.host.HostExecutors;
import org.devcd.itests.leaks.host.HostWhiteboard;
import org.devcd.itests.leaks.host.LogLevels;
import org.devcd.itests.leaks.host.ServiceCache;
import org.ops4j.pax.tinybundles.TinyBundle;
import org.ops4j.pax.tinybundles.TinyBundles;

/**
 * Builds the host and the corpus bundles with TinyBundles. Runs where {@code @Configuration} runs, outside the
 * framework (TinyBundles is no bundle in there); the corpus is written to files that the test installs, and reinstalls,
 * from the probe.
 *
 * <p>Each corpus bundle packs its activator and the activator's nested classes, and imports nothing of the corpus
 * package: its classes are defined by its own loader, never by the probe's (whose jar holds copies of every test
 * class, and which the test never lets near a corpus bundle).
 */
final class CorpusBundles {
    private CorpusBundles() {
    }

    /** @return the host bundle {@value LeakKind#HOST}, exporting {@code org.devcd.itests.leaks.host} 1.0.0 */
    static InputStream host() {
        return TinyBundles.bundle()
                .setHeader("Bundle-ManifestVersion", "2")
                .symbolicName(LeakKind.HOST)
                .setHeader("Bundle-Version", "1.0.0")
                .setHeader("Import-Package", "org.osgi.framework")
                .setHeader("Export-Package", HostCache.class.getPackageName() + ";version=1.0.0")
                .setHeader(LogLevels.HEADER, LogHandlerLeak.LOGGER + "=INFO")
                .activator(HostActivator.class)
                .addClass(HostActivator.class)
                .addClass(HostExecutors.class)
                .addClass(HostCache.class)
                .addClass(ServiceCache.class)
                .addClass(HostWhiteboard.class)
                .addClass(LogLevels.class)
                .build(TinyBundles.rawBuilder());
    }

    /** @return the corpus bundle of {@code kind} */
    static InputStream bundle(LeakKind kind) {
        TinyBundle bundle = TinyBundles.bundle()
                .setHeader("Bundle-ManifestVersion", "2")
                .symbolicName(kind.symbolicName())
                .setHeader("Bundle-Version", "1.0.0")
                .setHeader("Import-Package", kind.imports())
                .activator(kind.activator())
                .addClass(kind.activator()); // with its nested classes
        if (kind == LeakKind.NONE) {
            NoLeak.BORROWED.forEach(bundle::addClass);
        }
        return bundle.build(TinyBundles.rawBuilder());
    }

    /**
     * Writes every kind's bundle into {@code folder}, as {@code <symbolic name>.jar}.
     *
     * @return {@code folder}
     */
    static Path writeAll(Path folder) throws IOException {
        Files.createDirectories(folder);
        for (LeakKind kind : LeakKind.values()) {
            try (InputStream in = bundle(kind)) {
                Files.copy(in, jar(folder, kind), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        return folder;
    }

    /** @return where {@link #writeAll} put the bundle of {@code kind} */
    static Path jar(Path folder, LeakKind kind) {
        return folder.resolve(kind.symbolicName() + ".jar");
    }
}
