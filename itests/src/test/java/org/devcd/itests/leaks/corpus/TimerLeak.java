package org.devcd.itests.leaks.corpus;

import java.util.Timer;
import java.util.TimerTask;
import java.util.concurrent.TimeUnit;

import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;

/**
 * Leak kind {@code timer} ({@link org.devcd.itests.leaks.LeakKind#TIMER}): a {@link Timer} of its own, with a task of
 * its own a day ahead, never cancelled.
 */
public final class TimerLeak implements BundleActivator {
    /** The timer thread's name. */
    public static final String TIMER_NAME = "leak-timer";

    /** Kept, as code that means to cancel its timer keeps it: the test reads it to undo the leak. */
    static final Timer TIMER = new Timer(TIMER_NAME, true);

    @Override
    public void start(BundleContext context) {
        TIMER.schedule(new Expire(), TimeUnit.DAYS.toMillis(1));
    }

    @Override
    public void stop(BundleContext context) {
        // Deliberately nothing: the fix is TIMER.cancel() here (which also ends the timer's thread).
    }

    /** Would expire a cache tomorrow. */
    static final class Expire extends TimerTask {
        @Override
        public void run() {
            // a real task would expire something of the bundle
        }
    }
}
