package org.devcd.itests.leaks;

import static org.junit.Assert.assertNotSame;
import static org.junit.Assert.assertSame;
import static org.ops4j.pax.exam.CoreOptions.composite;
import static org.ops4j.pax.exam.CoreOptions.streamBundle;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;

import java.io.IOException;
import java.io.InputStream;
import java.lang.ref.WeakReference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import org.devcd.itests.DevcdOptions;
import org.devcd.testkit.Unloading;
import org.ops4j.pax.exam.Option;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.wiring.BundleWiring;

/** The corpus inside the framework: running one leak kind's bundle to its removal, and finding the host. */
final class Corpus {
    /** The system property naming the folder {@link CorpusBundles#writeAll} wrote the corpus jars to. */
    static final String FOLDER = "devcd.leaks.corpus";

    private Corpus() {
    }

    /**
     * @return devcd with its zombie monitor, the long-lived host, and the corpus jars written to the build's temporary
     *     folder for the tests to install: what every corpus itest provisions
     */
    static Option options() throws IOException {
        Path corpus = CorpusBundles.writeAll(Path.of(System.getProperty("java.io.tmpdir"), "leak-corpus"));
        return composite(DevcdOptions.core(), DevcdOptions.zombieMonitor(), streamBundle(CorpusBundles.host()),
                systemProperty(FOLDER).value(corpus.toString()));
    }

    /** A corpus bundle after uninstall and refresh: its id, and its class loader, weakly. */
    record Uninstalled(long bundleId, WeakReference<ClassLoader> loader) {
    }

    /**
     * Installs, starts, stops, uninstalls and refreshes the bundle of {@code kind}, checking on the way that its
     * activator is its own class, not the probe's copy.
     *
     * @return its id and its class loader, weakly: this frame, the only one that held it strongly, is gone when it
     *     returns
     */
    static Uninstalled runAndUninstall(BundleContext context, LeakKind kind, String location) throws Exception {
        Bundle bundle;
        try (InputStream in = Files.newInputStream(CorpusBundles.jar(Path.of(System.getProperty(FOLDER)), kind))) {
            bundle = context.installBundle(location, in);
        }
        bundle.start();
        ClassLoader loader = bundle.adapt(BundleWiring.class).getClassLoader();
        Class<?> activator = bundle.loadClass(kind.activator().getName());
        assertSame(kind.symbolicName() + " defines its own activator", loader, activator.getClassLoader());
        assertNotSame("the probe's copy is not the bundle's class", kind.activator(), activator);
        WeakReference<ClassLoader> weak = new WeakReference<>(loader);
        bundle.stop();
        bundle.uninstall();
        Unloading.refresh(context, bundle);
        return new Uninstalled(bundle.getBundleId(), weak);
    }

    /** The active host bundle the corpus leaks into. */
    static Bundle host(BundleContext context) {
        return Arrays.stream(context.getBundles()).filter(b -> LeakKind.HOST.equals(b.getSymbolicName()))
                .filter(b -> b.getState() == Bundle.ACTIVE).findFirst()
                .orElseThrow(() -> new AssertionError("no active bundle " + LeakKind.HOST));
    }
}
