package org.devcd.consoles.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.Attributes;
import java.util.jar.Manifest;

import org.junit.jupiter.api.Test;

/**
 * The manifest and component descriptions bnd generated (written before the test phase): every console's API package
 * imported only dynamically, and their components disabled until {@link ConsolePackages} enables them.
 */
class ConsolesManifestTest {
    private static final Path CLASSES = Path.of("target/classes");
    private final Attributes manifest = readManifest();

    /** No console package is a static import, so the bundle resolves without any console. */
    @Test
    void importsTheConsolePackagesOnlyDynamically() {
        assertThat(manifest.getValue("Import-Package")).doesNotContain("org.apache.felix.inventory")
                .doesNotContain("org.apache.karaf").doesNotContain("org.apache.felix.webconsole")
                .doesNotContain("jakarta.servlet").doesNotContain("javax.servlet");
        assertThat(manifest.getValue("DynamicImport-Package")).isEqualTo(
                "org.apache.felix.inventory;version=\"[1.0,2)\",org.apache.karaf.diagnostic.core;version=\"[4.4,5)\","
                + "org.apache.felix.webconsole.servlet;version=\"[1.0,2)\",org.apache.felix.webconsole.spi;"
                + "version=\"[1.3,2)\",jakarta.servlet;version=\"[5,7)\",jakarta.servlet.http;version=\"[5,7)\","
                + "org.apache.felix.webconsole;version=\"[3.1,4)\",javax.servlet;version=\"[3.1,5)\","
                + "javax.servlet.http;version=\"[3.1,5)\"");
    }

    /** The bundle exports nothing and requires no service, so no resolver refuses it for a missing console. */
    @Test
    void exportsNothingRequiresNoService() {
        assertThat(manifest.getValue("Export-Package")).isNull();
        assertThat(manifest.getValue("Require-Capability")).doesNotContain("osgi.service");
    }

    /** Every console's component starts disabled; the gate itself is an enabled component with no service. */
    @Test
    void consoleComponentsStartDisabled() throws IOException {
        assertThat(component(ConsolePackages.WEB_CONSOLE_PAGE)).contains("enabled=\"false\"")
                .contains("jakarta.servlet.Servlet");
        assertThat(component(ConsolePackages.JAVAX_WEB_CONSOLE_PAGE)).contains("enabled=\"false\"")
                .contains("javax.servlet.Servlet");
        assertThat(component(ConsolePackages.WEB_CONSOLE_USERS)).contains("enabled=\"false\"");
        assertThat(component(ConsolePackages.INVENTORY_PRINTER)).contains("enabled=\"false\"")
                .contains("org.apache.felix.inventory.InventoryPrinter");
        assertThat(component(ConsolePackages.DIAGNOSTIC_PROVIDER)).contains("enabled=\"false\"")
                .contains("configuration-pid=\"org.devcd.consoles\"");
        assertThat(component(ConsolePackages.class.getName())).doesNotContain("enabled=").doesNotContain("<service>");
    }

    private static String component(String name) throws IOException {
        return Files.readString(CLASSES.resolve("OSGI-INF/" + name + ".xml"));
    }

    private static Attributes readManifest() {
        Path path = CLASSES.resolve("META-INF/MANIFEST.MF");
        try (InputStream in = Files.newInputStream(path)) {
            return new Manifest(in).getMainAttributes();
        } catch (IOException e) {
            throw new AssertionError("bnd-process did not write " + path.toAbsolutePath(), e);
        }
    }
}
