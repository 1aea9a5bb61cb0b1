package org.devcd.itests.leaks.corpus;

import java.lang.management.ManagementFactory;

import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;

import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;

/**
 * Leak kind {@code notification-listener} ({@link org.devcd.itests.leaks.LeakKind#NOTIFICATION_LISTENER}): listens to
 * the platform's memory MXBean ({@code java.lang:type=Memory}), as memory watchdogs do, and never removes the listener.
 */
public final class NotificationListenerLeak implements BundleActivator {
    /** The emitter's ObjectName. */
    public static final String EMITTER = ManagementFactory.MEMORY_MXBEAN_NAME;

    /** Kept, as code that means to remove its listener keeps it: the test reads it to undo the leak. */
    static final Watchdog LISTENER = new Watchdog();

    @Override
    public void start(BundleContext context) {
        ((NotificationEmitter) ManagementFactory.getMemoryMXBean()).addNotificationListener(LISTENER, null, null);
    }

    @Override
    public void stop(BundleContext context) {
        // Deliberately nothing: the fix is removeNotificationListener(LISTENER) here.
    }

    /** Would shed load when memory runs low. */
    static final class Watchdog implements NotificationListener {
        @Override
        public void handleNotification(Notification notification, Object handback) {
        }
    }
}
