package org.devcd.testkit.exam;

import static org.ops4j.pax.exam.CoreOptions.bundle;
import static org.ops4j.pax.exam.CoreOptions.composite;
import static org.ops4j.pax.exam.CoreOptions.frameworkProperty;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Properties;
import java.util.function.Function;

import org.ops4j.pax.exam.Option;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Provisions devcd in a Pax Exam container, in the order it needs: the OSGi promise/function/component APIs, SCR,
 * Config Admin, Metatype, Event Admin, the Gogo runtime, devcd's leak doctor (which {@code Unloading} asks why a bundle
 * did not unload) with its heap path, the devcd test kit (before the bundles it watches) and the devcd core. Versions are the ones devcd was built and tested with.
 *
 * <pre>{@code
 * @Configuration
 * public Option[] config() {
 *     return new Option[] {
 *         junitBundles(),
 *         DevcdTestKit.watch("com.example.mydriver"),
 *         DevcdTestKit.devcd(),
 *         mavenBundle("com.example", "mydriver").versionAsInProject()
 *     };
 * }
 * }</pre>
 */
@ProviderType
public final class DevcdTestKit {
    /** The bundles, as {@code groupId:artifactId}, in installation order. */
    public static final List<String> BUNDLES = List.of(
            "org.osgi:org.osgi.util.function",
            "org.osgi:org.osgi.util.promise",
            "org.osgi:org.osgi.service.component",
            "org.apache.felix:org.apache.felix.scr",
            "org.apache.felix:org.apache.felix.configadmin",
            "org.apache.felix:org.apache.felix.metatype",
            "org.apache.felix:org.apache.felix.eventadmin",
            "org.apache.felix:org.apache.felix.gogo.runtime",
            "org.devcd:leak-heap",
            "org.devcd:leak-doctor",
            "org.devcd:testkit",
            "org.devcd:core-bundle");

    private static final Properties VERSIONS = loadVersions();

    private DevcdTestKit() {
    }

    /** @return devcd and what it needs, from the Maven repositories Pax Exam is configured with ({@code mvn:} URLs) */
    public static Option devcd() {
        return devcd(DevcdTestKit::mavenUrl);
    }

    /**
     * @param urlOf the URL to install each of {@link #BUNDLES} from, for example a {@code file:} URL of a build output
     * @return devcd and what it needs, from those URLs
     */
    public static Option devcd(Function<String, String> urlOf) {
        return composite(BUNDLES.stream().map(coordinates -> bundle(urlOf.apply(coordinates))).toArray(Option[]::new));
    }

    /**
     * @param symbolicNames the bundles the stale-code detector weaves; a trailing {@code *} matches a prefix
     * @return the framework property that tells the detector
     */
    public static Option watch(String... symbolicNames) {
        return frameworkProperty("devcd.testkit.watch").value(String.join(",", symbolicNames));
    }

    /** @return {@code mvn:group/artifact/version} of one of {@link #BUNDLES} */
    public static String mavenUrl(String coordinates) {
        String version = VERSIONS.getProperty(coordinates);
        if (version == null) {
            throw new IllegalArgumentException("coordinates: '" + coordinates + "' (expected: one of " + BUNDLES + ")");
        }
        return "mvn:" + coordinates.replace(':', '/') + "/" + version;
    }

    private static Properties loadVersions() {
        Properties versions = new Properties();
        try (InputStream in = DevcdTestKit.class.getResourceAsStream("versions.properties")) {
            versions.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return versions;
    }
}
