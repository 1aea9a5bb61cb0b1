package org.devcd.itests.leaks.corpus;

import java.util.concurrent.TimeUnit;

import org.devcd.itests.leaks.host.HostExecutors;
import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;

/**
 * Leak kind {@code scheduled-task} ({@link org.devcd.itests.leaks.LeakKind#SCHEDULED_TASK}): schedules a task of its
 * own on the host's shared scheduler, hours ahead, and never cancels it.
 */
public final class ScheduledTaskLeak implements BundleActivator {
    @Override
    public void start(BundleContext context) {
        HostExecutors.scheduler().schedule(new Report(), 6, TimeUnit.HOURS);
    }

    @Override
    public void stop(BundleContext context) {
        // Deliberately nothing: the fix is to keep the ScheduledFuture and cancel it here.
    }

    /** Would report something of the bundle in six hours. */
    static final class Report implements Runnable {
        @Override
        public void run() {
        }
    }
}
