package org.devcd.consoles.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Bundle;
import org.osgi.framework.namespace.PackageNamespace;
import org.osgi.framework.wiring.BundleWire;
import org.osgi.framework.wiring.BundleWiring;

/**
 * Without the Inventory, Karaf's diagnostic API and the Web Console (and without any servlet API), the bundle resolves
 * and starts, its gate runs, and nothing of any console is loaded, wired or registered; devcd works as before.
 */
class ConsolesAbsentIT {

    @Test
    void startsAndLoadsNothingOfAbsentConsoles(@TempDir Path storage) throws Exception {
        try (DevcdFelix felix = DevcdFelix.start(storage)) {
            String dump = felix.crash("no console to see this");

            Bundle consoles = felix.bundle(DevcdFelix.CONSOLES);
            assertThat(consoles.getState()).isEqualTo(Bundle.ACTIVE);
            felix.awaitComponent(ConsolePackages.class.getName(), "active");
            assertThat(felix.component(ConsolePackages.INVENTORY_PRINTER)).isEqualTo("disabled");
            assertThat(felix.component(ConsolePackages.DIAGNOSTIC_PROVIDER)).isEqualTo("disabled");
            assertThat(felix.component(ConsolePackages.WEB_CONSOLE_PAGE)).isEqualTo("disabled");
            assertThat(felix.component(ConsolePackages.WEB_CONSOLE_USERS)).isEqualTo("disabled");
            assertThat(felix.component(ConsolePackages.JAVAX_WEB_CONSOLE_PAGE)).isEqualTo("disabled");
            assertThat(felix.definedClasses(DevcdFelix.CONSOLES)).contains(ConsolePackages.class.getName())
                    .doesNotContain(CoredumpInventoryPrinter.class.getName(), CoredumpDumpProvider.class.getName(),
                            CoredumpsPlugin.class.getName(), ConfiguredUsers.class.getName(), Roles.class.getName(),
                            CoredumpsPage.class.getName(), JavaxCoredumpsPlugin.class.getName(),
                            PageRequests.class.getName());
            assertThat(consoles.adapt(BundleWiring.class).getRequiredWires(PackageNamespace.PACKAGE_NAMESPACE))
                    .map(BundleWire::getCapability)
                    .map(export -> (String) export.getAttributes().get(PackageNamespace.PACKAGE_NAMESPACE))
                    .noneMatch(name -> name.equals(DevcdFelix.INVENTORY) || name.startsWith("org.apache.karaf")
                            || name.startsWith("org.apache.felix.webconsole") || name.startsWith("jakarta.")
                            || name.startsWith("javax.servlet"));
            assertThat(felix.references("(objectClass=org.apache.felix.inventory.InventoryPrinter)")).isEmpty();
            assertThat(felix.references("(objectClass=org.apache.karaf.diagnostic.core.DumpProvider)")).isEmpty();
            assertThat(felix.references("(felix.webconsole.label=*)")).isEmpty();
            assertThat(felix.references("(objectClass=org.apache.felix.webconsole.spi.SecurityProvider)")).isEmpty();
            assertThat(felix.content(dump)).isNotEmpty();
        }
    }
}
