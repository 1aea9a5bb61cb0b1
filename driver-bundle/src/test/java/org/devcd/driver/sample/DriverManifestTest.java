package org.devcd.driver.sample;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.Attributes;
import java.util.jar.Manifest;

import org.junit.jupiter.api.Test;

/**
 * The manifest bnd generated for the sample driver (written before the test phase): a template plugin authors copy must
 * import the release code from the core, carry none of it, export nothing, and declare its DS component.
 */
class DriverManifestTest {
    private final Attributes manifest = readManifest();

    /** The release package is imported from the core at a major-version range, never embedded. */
    @Test
    void importsTheReleasePackageFromTheCore() {
        assertThat(manifest.getValue("Import-Package")).contains("org.devcd.release;version=\"[1.0,2)\"");
        assertThat(Path.of("target/classes/org/devcd/release")).doesNotExist();
    }

    /** The driver exports nothing, so no bundle can wire to it and pin its class loader. */
    @Test
    void exportsNothing() {
        assertThat(manifest.getValue("Export-Package")).isNull();
        assertThat(manifest.getValue("Bundle-SymbolicName")).isEqualTo("org.devcd.driver.sample");
    }

    /** The DS component is declared and requires the DS extender. */
    @Test
    void declaresItsComponent() {
        assertThat(manifest.getValue("Service-Component"))
                .isEqualTo("OSGI-INF/org.devcd.driver.sample.SampleDriver.xml");
        assertThat(manifest.getValue("Require-Capability")).contains("osgi.extender=osgi.component");
    }

    private static Attributes readManifest() {
        Path path = Path.of("target/classes/META-INF/MANIFEST.MF");
        try (InputStream in = Files.newInputStream(path)) {
            return new Manifest(in).getMainAttributes();
        } catch (IOException e) {
            throw new AssertionError("bnd-process did not write " + path.toAbsolutePath(), e);
        }
    }
}
