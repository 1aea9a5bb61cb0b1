package org.devcd.consoles.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.wiring.FrameworkWiring;

/**
 * The bundle picks the Inventory up when it is installed after devcd, lets it go when it is uninstalled, and starts
 * again without it after the refresh.
 */
class InventoryArrivesIT {

    @Test
    void printerComesAndGoesWithTheInventory(@TempDir Path storage) throws Exception {
        try (DevcdFelix felix = DevcdFelix.start(storage)) {
            felix.awaitComponent(ConsolePackages.class.getName(), "active");
            assertThat(felix.references(InventoryPrinterIT.PRINTER)).isEmpty();

            felix.installInventory();
            Object printer = felix.service(InventoryPrinterIT.PRINTER);
            assertThat(InventoryPrinterIT.print(felix, printer, "TEXT")).startsWith("coredumps: enabled\n")
                    .contains("no coredumps");

            felix.bundle(DevcdFelix.INVENTORY).uninstall();
            await("the printer unregistered").atMost(DevcdFelix.WAIT)
                    .until(() -> felix.references(InventoryPrinterIT.PRINTER).isEmpty());
            assertThat(felix.component(ConsolePackages.INVENTORY_PRINTER)).isEqualTo("disabled");

            FrameworkWiring wiring = felix.context().getBundle().adapt(FrameworkWiring.class);
            assertThat(wiring.getRemovalPendingBundles()).extracting(Bundle::getSymbolicName)
                    .containsExactly(DevcdFelix.INVENTORY); // this module's bundle is still wired to it
            refresh(wiring);
            assertThat(wiring.getRemovalPendingBundles()).isEmpty();
            assertThat(felix.bundle(DevcdFelix.CONSOLES).getState()).isEqualTo(Bundle.ACTIVE);
            felix.awaitComponent(ConsolePackages.class.getName(), "active");
            assertThat(felix.component(ConsolePackages.INVENTORY_PRINTER)).isEqualTo("disabled");
        }
    }

    /** Refreshes what the uninstall left pending (the Inventory, and this module's bundle wired to it); waits for it. */
    private static void refresh(FrameworkWiring wiring) throws InterruptedException {
        CountDownLatch refreshed = new CountDownLatch(1);
        wiring.refreshBundles(null, event -> {
            if (event.getType() == FrameworkEvent.PACKAGES_REFRESHED) {
                refreshed.countDown();
            }
        });
        assertThat(refreshed.await(DevcdFelix.WAIT.toMillis(), TimeUnit.MILLISECONDS)).as("refreshed").isTrue();
    }
}
