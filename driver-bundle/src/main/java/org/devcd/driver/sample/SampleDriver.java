package org.devcd.driver.sample;

import java.time.Duration;
import java.util.concurrent.TimeoutException;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;

/**
 * The sample driver: owns one simulated device while it is active. Its deactivation drops the device's reference and
 * waits, bounded, for the core's release to signal, so the bundle finishes stopping only when no thread can still be
 * inside a release on the device's behalf.
 */
@Component
public final class SampleDriver {
    static final Duration RELEASE_BOUND = Duration.ofSeconds(5);
    private static final System.Logger LOG = System.getLogger(SampleDriver.class.getName());

    private final SampleDevice device = new SampleDevice("sample0");

    SampleDevice device() {
        return device;
    }

    @Deactivate
    void deactivate() throws InterruptedException {
        try {
            device.unregister(RELEASE_BOUND);
        } catch (TimeoutException e) {
            // Loud, not fatal: the release code is the core's, so a late holder cannot run this bundle's code.
            LOG.log(System.Logger.Level.ERROR, "stopping with a device still referenced: " + e.getMessage(), e);
        }
    }
}
