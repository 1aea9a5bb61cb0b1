package org.devcd.itests.leaks.corpus;

import org.devcd.itests.leaks.host.HostCache;
import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;

/**
 * Leak kind {@code static-cache} ({@link org.devcd.itests.leaks.LeakKind#STATIC_CACHE}): one of its classes becomes a
 * key of the host's static {@link HostCache#BY_CLASS}, as happens when a bundle hands its types to a shared
 * introspection or serialization library.
 */
public final class StaticCacheLeak implements BundleActivator {
    @Override
    public void start(BundleContext context) {
        HostCache.BY_CLASS.put(Model.class, "introspected");
    }

    @Override
    public void stop(BundleContext context) {
        // Deliberately nothing: the fix is on the host's side (a cache that drops a bundle's classes when it goes),
        // or HostCache.BY_CLASS.remove(Model.class) here.
    }

    /** A type of the bundle that the host library introspected. */
    static final class Model {
        String name;
    }
}
