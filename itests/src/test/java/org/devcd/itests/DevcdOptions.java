package org.devcd.itests;

import static org.ops4j.pax.exam.CoreOptions.bundle;
import static org.ops4j.pax.exam.CoreOptions.composite;
import static org.ops4j.pax.exam.CoreOptions.junitBundles;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;

import org.devcd.testkit.exam.DevcdTestKit;
import org.ops4j.pax.exam.Option;

/**
 * The one provisioning {@link Option} of devcd's itests: the test kit's {@link DevcdTestKit#devcd} with every bundle
 * from the build's own output by {@code file:} URL (nothing from the network), plus the sample drivers where a test
 * needs them.
 */
public final class DevcdOptions {
    private DevcdOptions() {
    }

    /**
     * @return devcd as the test kit provisions it (SCR, Config Admin, Metatype, Event Admin, Gogo, the test kit watching
     *     every {@code org.devcd.driver.*} and {@code org.devcd.itests.*} bundle, the core), every bundle from this
     *     build's output, plus JUnit and Awaitility for the probe
     */
    public static Option core() {
        return composite(probeAndWatch(), DevcdTestKit.devcd(DevcdOptions::builtUrl));
    }

    /** Quiet logs, what the probe needs, and the test kit's watch list: everything before devcd's bundles. */
    private static Option probeAndWatch() {
        return composite(
                systemProperty("org.ops4j.pax.logging.DefaultServiceLog.level").value("WARN"),
                junitBundles(),
                runtimeBundle("hamcrest"),
                runtimeBundle("awaitility"),
                DevcdTestKit.watch("org.devcd.driver.*", "org.devcd.itests.*"));
    }

    /**
     * @return {@link #core()} without one of its bundles (Event Admin, say): the test kit's bundles in its order, each
     *     from this build's output
     */
    public static Option coreWithout(String coordinates) {
        return composite(probeAndWatch(), composite(DevcdTestKit.BUNDLES.stream().filter(c -> !c.equals(coordinates))
                .map(c -> bundle(builtUrl(c))).toArray(Option[]::new)));
    }

    /** @return the {@code file:} URL of a bundle the test kit provisions, as this build made or fetched it */
    public static String builtBundle(String coordinates) {
        return builtUrl(coordinates);
    }

    /** The build's own file of a bundle the test kit provisions: reactor jars by path, the others from runtime-bundles. */
    private static String builtUrl(String coordinates) {
        switch (coordinates) {
            case "org.devcd:core-bundle":
                return fileUrl(requiredJar("devcd.core.bundle"));
            case "org.devcd:testkit":
                return fileUrl(requiredJar("devcd.testkit.bundle"));
            case "org.devcd:leak-doctor":
                return fileUrl(requiredJar("devcd.leak.doctor.bundle"));
            case "org.devcd:leak-heap":
                return fileUrl(requiredJar("devcd.leak.heap.bundle"));
            default:
                return fileUrl(runtimeJar(coordinates.substring(coordinates.indexOf(':') + 1)));
        }
    }

    /** @return {@link #core()} plus the sample driver bundle */
    public static Option coreAndSampleDriver() {
        return composite(core(), bundle(fileUrl(requiredJar("devcd.driver.bundle"))));
    }

    /** @return the leak doctor's zombie monitor bundle (the leak doctor itself comes with {@link #core()}) */
    public static Option zombieMonitor() {
        return bundle(fileUrl(requiredJar("devcd.leak.monitor.bundle")));
    }

    /** @return {@link #coreAndSampleDriver()} plus the deliberately naive driver */
    public static Option coreAndBothDrivers() {
        return composite(coreAndSampleDriver(), bundle(fileUrl(requiredJar("devcd.naive.driver.bundle"))));
    }

    /** @return a bundle of {@code target/runtime-bundles}, by its artifact id */
    public static Option runtimeBundle(String name) {
        return bundle(fileUrl(runtimeJar(name)));
    }

    private static Path runtimeJar(String name) {
        return requiredFile(Path.of(requiredProperty("devcd.runtime.bundles"), name + ".jar"));
    }

    private static Path requiredJar(String property) {
        return requiredFile(Path.of(requiredProperty(property)));
    }

    private static String requiredProperty(String name) {
        String value = System.getProperty(name);
        if (value == null || value.isBlank() || value.startsWith("${")) {
            throw new IllegalStateException("system property " + name + " is not set: run the itests through Maven "
                    + "(mvn verify), which passes the paths of the built bundles");
        }
        return value;
    }

    private static Path requiredFile(Path path) {
        if (!Files.isRegularFile(path)) {
            throw new IllegalStateException(path + " does not exist: build the reactor first (mvn verify)");
        }
        return path;
    }

    private static String fileUrl(Path path) {
        return new File(path.toAbsolutePath().toString()).toURI().toString();
    }
}
