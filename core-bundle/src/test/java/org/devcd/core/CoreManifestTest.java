package org.devcd.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.Attributes;
import java.util.jar.Manifest;

import org.junit.jupiter.api.Test;

/**
 * The manifest bnd generated for org.devcd.core (target/classes/META-INF/MANIFEST.MF, written before the test phase):
 * the core carries the release package, exports exactly the versioned API and nothing internal.
 */
class CoreManifestTest {
    private final Attributes manifest = readManifest();

    /** The bundle is org.devcd.core, an OSGi R4+ bundle for Java 17. */
    @Test
    void identifiesTheCoreBundle() {
        assertThat(manifest.getValue("Bundle-SymbolicName")).isEqualTo("org.devcd.core");
        assertThat(manifest.getValue("Bundle-ManifestVersion")).isEqualTo("2");
        assertThat(manifest.getValue("Require-Capability")).contains("(osgi.ee=JavaSE)(version=17)");
    }

    /** The exports are exactly the versioned API packages and the opt-in debug package; no internal package. */
    @Test
    void exportsExactlyTheVersionedApiPackages() {
        assertThat(manifest.getValue("Export-Package"))
                .isEqualTo("org.devcd.release;version=\"1.0.0\",org.devcd.release.debug;version=\"1.0.0\";"
                        + "uses:=\"org.devcd.release\",org.devcd.coredump;version=\"1.1.0\"");
    }

    /**
     * The release classes are inside this bundle and its own exports are not imported (no substitution): at run time
     * the core's loader defines them, whatever else is installed.
     */
    @Test
    void carriesTheReleaseClassesItself() {
        assertThat(Path.of("target/classes/org/devcd/release/RefCount.class")).isRegularFile();
        assertThat(Path.of("target/classes/org/devcd/release/CompleteAction.class")).isRegularFile();
        assertThat(manifest.getValue("Import-Package")).doesNotContain("org.devcd");
    }

    private static Attributes readManifest() {
        Path path = Path.of("target/classes/META-INF/MANIFEST.MF");
        try (InputStream in = Files.newInputStream(path)) {
            return new Manifest(in).getMainAttributes();
        } catch (IOException e) {
            throw new AssertionError("bnd-process did not write " + path.toAbsolutePath(), e);
        }
    }

    /** The driver service is registered by hand; its capability is declared so that resolvers (Karaf) find it. */
    @Test
    void declaresTheDriverServiceCapability() {
        assertThat(manifest.getValue("Provide-Capability"))
                .contains("osgi.service;objectClass:List<String>=\"org.devcd.coredump.CoredumpService\"");
    }
}
