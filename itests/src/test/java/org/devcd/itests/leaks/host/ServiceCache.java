package org.devcd.itests.leaks.host;

import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceEvent;
import org.osgi.framework.ServiceListener;

/**
 * A consumer that looks a service up once and keeps the object in a field, as hand-written consumers do when they
 * should have used a {@code ServiceTracker}: it caches every service registered with {@link #PROPERTY}{@code =true},
 * and ignores its unregistration. The object, and so its bundle's loader, stays in {@link #cached} after the bundle is
 * gone.
 *
 * <p>Thread-safe: the framework delivers events on any thread; {@link #cached} is volatile.
 */
public final class ServiceCache implements ServiceListener {
    /** The service property that asks this consumer to use the service. */
    public static final String PROPERTY = "devcd.leaks.cache";
    /** The listener filter that selects those services. */
    public static final String FILTER = "(" + PROPERTY + "=true)";

    /** The last service object looked up: the field that holds a gone bundle's service. */
    private static volatile Object cached;

    private final BundleContext context;

    /** @param context the host's context, which the lookups use */
    ServiceCache(BundleContext context) {
        this.context = context;
    }

    @Override
    public void serviceChanged(ServiceEvent event) {
        if (event.getType() == ServiceEvent.REGISTERED) {
            cached = context.getService(event.getServiceReference());
        }
        // UNREGISTERING is ignored: the bug. A correct consumer would drop the object and unget the service here.
    }

    /** @return the cached service object, or null */
    public static Object cached() {
        return cached;
    }

    /** Forgets the cached object: what serviceChanged should have done on UNREGISTERING. */
    public static void clear() {
        cached = null;
    }
}
