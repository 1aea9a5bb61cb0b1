package org.devcd.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.SynchronousBundleListener;

/**
 * Whoever stops the launcher's framework, Event Admin stops before every other bundle (so nothing is in flight when it
 * interrupts its delivery threads), and only for this run: the next start of the same storage starts it again.
 */
class EventAdminStopsFirstIT {

    @Test
    void eventAdminStopsFirstAndStartsAgain(@TempDir Path storage) throws Exception {
        PackedFramework first = PackedFramework.install(storage);
        List<String> stopping = new CopyOnWriteArrayList<>();
        first.context().addBundleListener((SynchronousBundleListener) event -> {
            if (event.getType() == BundleEvent.STOPPING && event.getBundle().getBundleId() != 0) {
                stopping.add(event.getBundle().getSymbolicName());
            }
        });
        first.stop();

        assertThat(stopping).as("bundles in the order they stopped").hasSizeGreaterThan(3);
        assertThat(stopping.get(0)).as(stopping.toString()).isEqualTo(EventAdminFirst.EVENT_ADMIN);
        assertThat(stopping).contains("org.devcd.core");

        PackedFramework second = PackedFramework.restart(storage);
        try {
            Bundle eventAdmin = List.of(second.context().getBundles()).stream()
                    .filter(b -> EventAdminFirst.EVENT_ADMIN.equals(b.getSymbolicName())).findFirst().orElseThrow();
            assertThat(eventAdmin.getState()).as("Event Admin's state after a restart").isEqualTo(Bundle.ACTIVE);
        } finally {
            second.stop();
        }
    }
}
