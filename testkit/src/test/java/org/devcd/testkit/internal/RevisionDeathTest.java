package org.devcd.testkit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import org.apache.felix.framework.FrameworkFactory;
import org.devcd.testkit.StaleCode;
import org.devcd.testkit.StaleCodeReport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.launch.Framework;
import org.osgi.framework.wiring.FrameworkWiring;

/**
 * The detector names what ended a revision, with the bundle events exactly as Felix 7.0.5 sends them. Felix announces
 * {@code UNRESOLVED} at the start of an uninstall, while the bundle's wiring is still current, and {@code UNINSTALLED}
 * right after; an update or a refresh announces {@code UNRESOLVED} once the wiring is gone, and the bundle stays
 * installed.
 */
class RevisionDeathTest {
    private static final String PREFIX = "org.example.stale.";

    @TempDir
    static Path dir;

    private static Framework framework;
    private static BundleContext context;
    private static Activator detector;

    @BeforeAll
    static void startFelix() throws Exception {
        framework = new FrameworkFactory().newFramework(Map.of(
                Constants.FRAMEWORK_STORAGE, dir.resolve("felix").toString(),
                Constants.FRAMEWORK_STORAGE_CLEAN, Constants.FRAMEWORK_STORAGE_CLEAN_ONFIRSTINIT,
                // The woven code calls the probe; here the system bundle serves it from this test's class path.
                Constants.FRAMEWORK_SYSTEMPACKAGES_EXTRA, Weaver.PROBE_PACKAGE,
                Activator.WATCH, PREFIX + "*"));
        framework.start();
        context = framework.getBundleContext();
        detector = new Activator();
        detector.start(context);
    }

    @AfterAll
    static void stopFelix() throws Exception {
        detector.stop(context);
        framework.stop();
        framework.waitForStop(10_000);
    }

    /** Code of a revision that ended with its bundle's uninstall is reported as run after it was UNINSTALLED. */
    @Test
    void uninstalledBundle() throws Exception {
        Bundle bundle = install("uninstalled");
        Callable<?> stale = newSample(bundle);
        assertThat(stale.call()).isEqualTo("sample:3");

        bundle.uninstall();
        stale.call();
        refresh(bundle);
        stale.call();

        List<StaleCodeReport> reports = StaleCode.reportsAbout(PREFIX + "uninstalled");
        assertThat(reports).isNotEmpty().extracting(StaleCodeReport::death).containsOnly("UNINSTALLED");
        assertThat(reports.get(0).toString()).isEqualTo("thread '" + Thread.currentThread().getName() + "' ran "
                + Sample.class.getName() + ".call of " + PREFIX + "uninstalled [" + bundle.getBundleId()
                + "] after it was UNINSTALLED");
    }

    /** A revision refreshed away while its bundle stays installed is UNRESOLVED. */
    @Test
    void refreshedBundle() throws Exception {
        Bundle bundle = install("refreshed");
        Callable<?> stale = newSample(bundle);
        stale.call();

        refresh(bundle);
        stale.call();

        assertThat(bundle.getState()).isNotEqualTo(Bundle.UNINSTALLED);
        assertThat(StaleCode.reportsAbout(PREFIX + "refreshed")).isNotEmpty()
                .extracting(StaleCodeReport::death).containsOnly("UNRESOLVED");
    }

    /** An update replaces the revision while the bundle stays installed (Felix unresolves the old one): UNRESOLVED. */
    @Test
    void updatedBundle() throws Exception {
        Bundle bundle = install("updated");
        Callable<?> stale = newSample(bundle);
        stale.call();

        try (InputStream same = Files.newInputStream(jar("updated"))) {
            bundle.update(same);
        }
        stale.call();

        assertThat(StaleCode.reportsAbout(PREFIX + "updated")).isNotEmpty()
                .extracting(StaleCodeReport::death).containsOnly("UNRESOLVED");
    }

    /** Each revision keeps its own death: the one refreshed away is UNRESOLVED, the one uninstalled UNINSTALLED. */
    @Test
    void refreshedThenUninstalled() throws Exception {
        Bundle bundle = install("both");
        Callable<?> first = newSample(bundle);
        refresh(bundle);
        Callable<?> second = newSample(bundle); // a new revision, woven again

        bundle.uninstall();
        refresh(bundle);
        first.call();
        second.call();

        assertThat(StaleCode.reportsAbout(PREFIX + "both")).extracting(StaleCodeReport::death)
                .contains("UNRESOLVED", "UNINSTALLED");
        assertThat(StaleCode.reportsAbout(PREFIX + "both").get(0).death()).isEqualTo("UNRESOLVED");
        assertThat(StaleCode.reportsAbout(PREFIX + "both")).last().extracting(StaleCodeReport::death)
                .isEqualTo("UNINSTALLED");
    }

    private static Bundle install(String name) throws Exception {
        return context.installBundle(jar(name).toUri().toString());
    }

    /** A bundle {@code org.example.stale.NAME} holding {@link Sample}; no imports, so its own loader loads it. */
    private static Path jar(String name) throws IOException {
        Path jar = dir.resolve(name + ".jar");
        if (Files.exists(jar)) {
            return jar;
        }
        Manifest manifest = new Manifest();
        Attributes main = manifest.getMainAttributes();
        main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        main.putValue(Constants.BUNDLE_MANIFESTVERSION, "2");
        main.putValue(Constants.BUNDLE_SYMBOLICNAME, PREFIX + name);
        main.putValue(Constants.BUNDLE_VERSION, "1.0.0");
        String entry = Sample.class.getName().replace('.', '/') + ".class";
        try (OutputStream file = Files.newOutputStream(jar);
                JarOutputStream out = new JarOutputStream(file, manifest);
                InputStream bytes = Sample.class.getClassLoader().getResourceAsStream(entry)) {
            out.putNextEntry(new JarEntry(entry));
            bytes.transferTo(out);
            out.closeEntry();
        }
        return jar;
    }

    /** Loads {@link Sample} from the bundle's current revision (resolving it, so the detector weaves it). */
    private static Callable<?> newSample(Bundle bundle) throws Exception {
        Class<?> woven = bundle.loadClass(Sample.class.getName());
        assertThat(woven.getClassLoader()).isNotSameAs(Sample.class.getClassLoader());
        return (Callable<?>) woven.getConstructor().newInstance();
    }

    private static void refresh(Bundle bundle) throws InterruptedException {
        CountDownLatch refreshed = new CountDownLatch(1);
        framework.adapt(FrameworkWiring.class).refreshBundles(List.of(bundle), event -> {
            if (event.getType() == FrameworkEvent.PACKAGES_REFRESHED) {
                refreshed.countDown();
            }
        });
        assertThat(refreshed.await(10, TimeUnit.SECONDS)).as("refresh of " + bundle).isTrue();
    }

    /** The class each test bundle carries. */
    public static final class Sample implements Callable<String> {
        @Override
        public String call() {
            return "sample:" + length("abc");
        }

        private static int length(String text) {
            return text.length();
        }
    }
}
