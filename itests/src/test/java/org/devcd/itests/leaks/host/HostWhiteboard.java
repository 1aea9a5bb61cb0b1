package org.devcd.itests.leaks.host;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;

/**
 * A host that registers other bundles' listeners as services of its own, the whiteboard done on a bundle's behalf (an
 * adapter that publishes what it is handed): the registration is the host's, so it outlives the bundle that handed the
 * listener over unless someone withdraws it. Deliberately naive: nothing does.
 *
 * <p>Thread-safe.
 */
public final class HostWhiteboard {
    private static final List<ServiceRegistration<Runnable>> PUBLISHED = new CopyOnWriteArrayList<>();
    private static volatile BundleContext host;

    private HostWhiteboard() {
    }

    static void start(BundleContext context) {
        host = context;
    }

    /** Registers {@code task} as a {@code Runnable} service of the host. */
    public static void publish(Runnable task) {
        PUBLISHED.add(host.registerService(Runnable.class, task, null));
    }

    /** Unregisters everything published; the host's stop, and the test's undo. */
    public static void withdrawAll() {
        for (ServiceRegistration<Runnable> registration : PUBLISHED) {
            try {
                registration.unregister();
            } catch (IllegalStateException alreadyGone) {
                // the framework stopped the host first
            }
        }
        PUBLISHED.clear();
    }
}
