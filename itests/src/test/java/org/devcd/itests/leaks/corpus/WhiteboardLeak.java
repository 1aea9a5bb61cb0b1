package org.devcd.itests.leaks.corpus;

import org.devcd.itests.leaks.host.HostWhiteboard;
import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;

/**
 * Leak kind {@code whiteboard} ({@link org.devcd.itests.leaks.LeakKind#WHITEBOARD}): it hands its listener to the
 * host's {@link HostWhiteboard}, which registers it as a service of the host's own, and never asks for it back.
 */
public final class WhiteboardLeak implements BundleActivator {
    @Override
    public void start(BundleContext context) {
        HostWhiteboard.publish(new Tick());
    }

    @Override
    public void stop(BundleContext context) {
        // Deliberately nothing: the registration is the host's, so the bundle's stop does not end it.
    }

    /** The bundle's listener, now a service of the host. */
    static final class Tick implements Runnable {
        @Override
        public void run() {
        }
    }
}
