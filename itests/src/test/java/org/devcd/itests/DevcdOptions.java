package org.devcd.itests;

import static org.ops4j.pax.exam.CoreOptions.bundle;
import static org.ops4j.pax.exam.CoreOptions.composite;
import static org.ops4j.pax.exam.CoreOptions.frameworkProperty;
import static org.ops4j.pax.exam.CoreOptions.junitBundles;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;

import org.ops4j.pax.exam.Option;

/**
 * The one provisioning {@link Option} of devcd's itests: Felix with SCR, the core bundle and (optionally) the sample
 * driver, every bundle from the build's own output by {@code file:} URL, nothing from the network.
 */
public final class DevcdOptions {
    private DevcdOptions() {
    }

    /**
     * @return SCR, Config Admin, Metatype, Event Admin and the Gogo runtime, the devcd test kit watching every
     *     {@code org.devcd.driver.*} and {@code org.devcd.itests.*} bundle, the core bundle, and JUnit and Awaitility for
     *     the probe
     */
    public static Option core() {
        return composite(
                systemProperty("org.ops4j.pax.logging.DefaultServiceLog.level").value("WARN"),
                junitBundles(),
                runtimeBundle("hamcrest"),
                runtimeBundle("awaitility"),
                runtimeBundle("org.osgi.util.function"),
                runtimeBundle("org.osgi.util.promise"),
                runtimeBundle("org.osgi.service.component"),
                runtimeBundle("org.apache.felix.scr"),
                runtimeBundle("org.apache.felix.configadmin"),
                runtimeBundle("org.apache.felix.metatype"),
                runtimeBundle("org.apache.felix.eventadmin"),
                runtimeBundle("org.apache.felix.gogo.runtime"),
                // The test kit first, so its stale-code detector weaves the drivers as they load.
                frameworkProperty("devcd.testkit.watch").value("org.devcd.driver.*,org.devcd.itests.*"),
                bundle(fileUrl(requiredJar("devcd.testkit.bundle"))),
                bundle(fileUrl(requiredJar("devcd.core.bundle"))));
    }

    /** @return {@link #core()} plus the sample driver bundle */
    public static Option coreAndSampleDriver() {
        return composite(core(), bundle(fileUrl(requiredJar("devcd.driver.bundle"))));
    }

    /** @return {@link #coreAndSampleDriver()} plus the deliberately naive driver */
    public static Option coreAndBothDrivers() {
        return composite(coreAndSampleDriver(), bundle(fileUrl(requiredJar("devcd.naive.driver.bundle"))));
    }

    private static Option runtimeBundle(String name) {
        return bundle(fileUrl(requiredFile(Path.of(requiredProperty("devcd.runtime.bundles"), name + ".jar"))));
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
