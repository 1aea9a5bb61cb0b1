package org.devcd.launcher;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.BundleException;
import org.osgi.framework.SynchronousBundleListener;

/**
 * Stops Event Admin before any other bundle when the framework begins to stop, whoever stops it (the launcher at its
 * end, the shutdown hook, or Gogo's {@code stop 0}).
 *
 * <p>Why: Felix Event Admin 1.6 posts a framework event for every bundle and service that stops, and when it stops
 * itself it interrupts its delivery threads at once ({@code shutdownNow}). Stopping in the framework's order (Event
 * Admin late), the burst of events of the bundles stopped just before it was often still being delivered: Event Admin
 * then printed "Event Task Processing Interrupted. Events may not be received in proper order." Stopped first, while the
 * system is quiet, it has nothing in flight; the bundles that stop after it find no Event Admin (devcd's core then drops
 * its events with a DEBUG line).
 */
final class EventAdminFirst implements SynchronousBundleListener {
    static final String EVENT_ADMIN = "org.apache.felix.eventadmin";

    private final BundleContext context;

    private EventAdminFirst(BundleContext context) {
        this.context = context;
    }

    /** Registers the listener with the system bundle's {@code context}; it lives as long as the framework. */
    static void install(BundleContext context) {
        context.addBundleListener(new EventAdminFirst(context));
    }

    @Override
    public void bundleChanged(BundleEvent event) {
        if (event.getType() != BundleEvent.STOPPING || event.getBundle().getBundleId() != 0) {
            return;
        }
        for (Bundle bundle : context.getBundles()) {
            if (EVENT_ADMIN.equals(bundle.getSymbolicName()) && bundle.getState() == Bundle.ACTIVE) {
                try {
                    // Transient: the framework's record that Event Admin starts is kept for the next launch.
                    bundle.stop(Bundle.STOP_TRANSIENT);
                } catch (BundleException | IllegalStateException e) {
                    System.err.println("devcd: could not stop Event Admin ahead of the framework: "
                            + Errors.sentence(e));
                }
            }
        }
    }
}
