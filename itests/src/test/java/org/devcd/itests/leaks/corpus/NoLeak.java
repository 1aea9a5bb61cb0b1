package org.devcd.itests.leaks.corpus;

import java.lang.management.ManagementFactory;
import java.security.Provider;
import java.security.Security;
import java.sql.DriverManager;
import java.util.Timer;
import java.util.TimerTask;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.logging.Handler;
import java.util.logging.Logger;

import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.ObjectName;
import javax.management.StandardMBean;

import org.devcd.itests.leaks.host.HostCache;
import org.devcd.itests.leaks.host.HostExecutors;
import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;

/**
 * Kind {@code none} ({@link org.devcd.itests.leaks.LeakKind#NONE}): the clean bundle. Its start() does what the leaky
 * bundles do, every kind at once, and its stop() undoes each, in reverse order; so it must unload, every time.
 */
public final class NoLeak implements BundleActivator {
    /** The leaky kinds' classes this bundle uses too, packed into it beside its own (see CorpusBundles). */
    public static final List<Class<?>> BORROWED = List.of(JdbcLeak.Driver.class, LogHandlerLeak.Collect.class);

    private static final String MBEAN = "org.devcd.itests.leak:type=Clean";
    private static final ThreadLocal<Object> SESSION = new ThreadLocal<>();
    private static final ClassValue<Object> META = new ClassValue<>() {
        @Override
        protected Object computeValue(Class<?> type) {
            return new Quiet();
        }
    };

    private Thread worker;
    private Timer timer;
    private Thread hook;
    private java.sql.Driver driver;
    private Handler handler;
    private Future<?> report;
    private NotificationListener listener;

    @Override
    public void start(BundleContext context) throws Exception {
        worker = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                LockSupport.park(this);
            }
        }, "none-worker");
        worker.setDaemon(true);
        worker.start();
        timer = new Timer("none-timer", true);
        timer.schedule(new Tick(), TimeUnit.DAYS.toMillis(1));
        hook = new Thread(new Quiet(), "none-shutdown-hook");
        Runtime.getRuntime().addShutdownHook(hook);
        driver = new JdbcLeak.Driver();
        DriverManager.registerDriver(driver);
        ManagementFactory.getPlatformMBeanServer().registerMBean(
                new StandardMBean(new Clean(), CleanMBean.class), new ObjectName(MBEAN));
        Security.addProvider(new CleanProvider());
        handler = new LogHandlerLeak.Collect();
        Logger.getLogger(LogHandlerLeak.LOGGER).addHandler(handler);
        HostCache.BY_CLASS.put(NoLeak.class, "introspected");
        report = HostExecutors.scheduler().schedule(new Quiet(), 6, TimeUnit.HOURS);
        HostExecutors.workers().submit(() -> {
            Thread thread = Thread.currentThread();
            ClassLoader previous = thread.getContextClassLoader();
            thread.setContextClassLoader(NoLeak.class.getClassLoader());
            SESSION.set(new Quiet());
            try {
                // the work that needed both
            } finally {
                SESSION.remove();
                thread.setContextClassLoader(previous);
            }
        }).get(10, TimeUnit.SECONDS);
        META.get(UUID.class);
        listener = (notification, handback) -> { };
        ((NotificationEmitter) ManagementFactory.getMemoryMXBean()).addNotificationListener(listener, null, null);
        context.registerService(Runnable.class, new Quiet(), null); // the framework unregisters it at stop
    }

    @Override
    public void stop(BundleContext context) throws Exception {
        ((NotificationEmitter) ManagementFactory.getMemoryMXBean()).removeNotificationListener(listener);
        META.remove(UUID.class);
        report.cancel(false); // the host's scheduler removes cancelled tasks from its queue at once
        HostCache.BY_CLASS.remove(NoLeak.class);
        Logger.getLogger(LogHandlerLeak.LOGGER).removeHandler(handler);
        Security.removeProvider(CleanProvider.NAME);
        ManagementFactory.getPlatformMBeanServer().unregisterMBean(new ObjectName(MBEAN));
        DriverManager.deregisterDriver(driver);
        Runtime.getRuntime().removeShutdownHook(hook);
        timer.cancel(); // its thread ends on its own, soon after
        worker.interrupt();
        worker.join(TimeUnit.SECONDS.toMillis(10));
        if (worker.isAlive()) {
            throw new IllegalStateException("thread none-worker did not end within 10 s of its interrupt");
        }
    }

    /** Does nothing, for every kind of callback. */
    static final class Quiet implements Runnable {
        @Override
        public void run() {
        }
    }

    /** A timer task that never runs. */
    static final class Tick extends TimerTask {
        @Override
        public void run() {
        }
    }

    /** The management interface. */
    public interface CleanMBean {
        /** @return how many things the bundle did */
        long getCount();
    }

    /** The MBean's implementation. */
    static final class Clean implements CleanMBean {
        @Override
        public long getCount() {
            return 0;
        }
    }

    /** A provider of no algorithms. */
    static final class CleanProvider extends Provider {
        static final String NAME = "DevcdCleanProvider";
        private static final long serialVersionUID = 1L;

        CleanProvider() {
            super(NAME, "1.0", "devcd leak corpus: a provider its bundle removes");
        }
    }

}
