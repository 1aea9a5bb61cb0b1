package org.devcd.itests.leaks.corpus;

import java.util.Dictionary;
import java.util.Hashtable;

import org.devcd.itests.leaks.host.ServiceCache;
import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;

/**
 * Leak kind {@code cached-service} ({@link org.devcd.itests.leaks.LeakKind#CACHED_SERVICE}): registers a service of its
 * own class that the host's consumer caches. The bundle's stop does what it should (the framework unregisters the
 * service); the holder is the consumer, which ignores the unregistration.
 */
public final class CachedServiceLeak implements BundleActivator {
    @Override
    public void start(BundleContext context) {
        Dictionary<String, Object> properties = new Hashtable<>();
        properties.put(ServiceCache.PROPERTY, "true");
        context.registerService(Runnable.class, new Greeter(), properties);
    }

    @Override
    public void stop(BundleContext context) {
        // The framework unregisters the service; the consumer keeps the object anyway.
    }

    /** The service object, of the bundle's class. */
    static final class Greeter implements Runnable {
        @Override
        public void run() {
        }
    }
}
