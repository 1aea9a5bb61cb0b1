package org.devcd.leakdoctor.heap;

import java.util.Map;

import org.apache.felix.framework.Felix;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;

/** A bare Felix 7.0.5, nothing installed but the system bundle, its storage under target/ and cleaned on start. */
final class EmbeddedFelix {
    private EmbeddedFelix() {
    }

    /** Returns a started framework whose storage is {@code target/<storageName>}. */
    static Felix start(String storageName) throws BundleException {
        Felix felix = new Felix(Map.of(
                Constants.FRAMEWORK_STORAGE, "target/" + storageName,
                Constants.FRAMEWORK_STORAGE_CLEAN, Constants.FRAMEWORK_STORAGE_CLEAN_ONFIRSTINIT));
        felix.start();
        return felix;
    }

    /** Stops {@code felix} and waits (at most ten seconds) until it has stopped. */
    static void stop(Felix felix) throws BundleException, InterruptedException {
        felix.stop();
        felix.waitForStop(10_000);
    }
}
