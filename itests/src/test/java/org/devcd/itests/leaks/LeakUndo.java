package org.devcd.itests.leaks;

import java.lang.management.ManagementFactory;
import java.lang.ref.WeakReference;
import java.lang.reflect.Field;
import java.security.Security;
import java.util.Map;
import java.util.Timer;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.logging.Handler;
import java.util.logging.Logger;

import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.ObjectName;

import org.devcd.itests.leaks.corpus.LogHandlerLeak;
import org.devcd.itests.leaks.corpus.MBeanLeak;
import org.devcd.itests.leaks.corpus.SecurityProviderLeak;
import org.devcd.itests.leaks.corpus.ThreadLeak;
import org.devcd.itests.leaks.corpus.TimerLeak;
import org.devcd.itests.leaks.host.HostCache;
import org.devcd.itests.leaks.host.HostExecutors;
import org.devcd.itests.leaks.host.HostWhiteboard;
import org.devcd.itests.leaks.host.ServiceCache;
import org.osgi.framework.Bundle;
import org.osgi.framework.wiring.BundleWiring;

/**
 * Undoes a corpus leak from the test's side, after the leak was proven, by removing exactly the culprit that
 * {@link LeakKind} names: if the loader is then collected, that culprit was its only holder. Also keeps the JVM clean
 * for the tests that follow.
 *
 * <p>The host's API is used as the host bundle defines it, by reflection: the probe holds its own copies of the host's
 * classes, and importing the host's package instead would take a {@code @ProbeBuilder} header, which Pax Exam keeps for
 * the probe of every later test class in the JVM (which has no host to import from). What the API returns is of JDK
 * types, which the probe shares.
 *
 * <p>Where the JDK offers no way to find the culprit without {@code --add-opens} (a shutdown hook, a timer, a thread
 * local, a class value, a listener), the undo reads the static field the bundle kept it in, through the leaked
 * loader: a class the loader already defined is found in the JVM's own table, so this works on a loader whose wiring
 * the framework has disposed. {@code DriverManager} lets only code that sees the driver deregister it, so that undo
 * calls the bundle's own {@code deregister()}.
 */
final class LeakUndo {
    private static final long WAIT_SECONDS = 10;

    private LeakUndo() {
    }

    /**
     * Removes the culprit of {@code kind}, whose bundle's loader {@code loader} still refers to, using the API of the
     * {@code host} bundle. The strong reference to the loader this takes lives only as long as the call.
     */
    static void undo(LeakKind kind, WeakReference<ClassLoader> loader, Bundle host) throws Exception {
        ClassLoader leaked = loader.get();
        if (leaked == null) {
            throw new AssertionError(kind.symbolicName() + "'s loader went before its leak was undone");
        }
        undo(kind, leaked, host);
    }

    private static void undo(LeakKind kind, ClassLoader leaked, Bundle host) throws Exception {
        switch (kind) {
            case THREAD -> endThread(ThreadLeak.THREAD, Thread::interrupt);
            case CONTEXT_LOADER -> {
                // The host's threads start with the host's loader as their context class loader.
                ClassLoader hosts = host.adapt(BundleWiring.class).getClassLoader();
                onHostWorker(host, () -> Thread.currentThread().setContextClassLoader(hosts));
            }
            case THREAD_LOCAL -> {
                ThreadLocal<?> local = (ThreadLocal<?>) staticField(kind, leaked, "SESSION");
                onHostWorker(host, local::remove);
            }
            case JDBC -> type(kind, leaked).getMethod("deregister").invoke(null);
            case SHUTDOWN_HOOK -> Runtime.getRuntime().removeShutdownHook((Thread) staticField(kind, leaked, "HOOK"));
            case TIMER -> {
                Timer timer = (Timer) staticField(kind, leaked, "TIMER");
                endThread(TimerLeak.TIMER_NAME, thread -> timer.cancel());
            }
            case MBEAN -> ManagementFactory.getPlatformMBeanServer().unregisterMBean(new ObjectName(MBeanLeak.NAME));
            case SECURITY_PROVIDER -> Security.removeProvider(SecurityProviderLeak.PROVIDER);
            case LOG_HANDLER -> {
                Logger logger = Logger.getLogger(LogHandlerLeak.LOGGER);
                for (Handler handler : logger.getHandlers()) {
                    if (handler.getClass().getClassLoader() == leaked) {
                        logger.removeHandler(handler);
                    }
                }
            }
            case STATIC_CACHE -> ((Map<?, ?>) hostApi(host, HostCache.class).getField("BY_CLASS").get(null)).keySet()
                    .removeIf(type -> ((Class<?>) type).getClassLoader() == leaked);
            case SCHEDULED_TASK -> {
                // The host schedules nothing of its own: every queued task is a bundle's; cancelled, it leaves.
                ScheduledThreadPoolExecutor scheduler = (ScheduledThreadPoolExecutor) hostApi(host, HostExecutors.class)
                        .getMethod("scheduler").invoke(null);
                scheduler.getQueue().forEach(task -> ((Future<?>) task).cancel(false));
            }
            case CACHED_SERVICE -> hostApi(host, ServiceCache.class).getMethod("clear").invoke(null);
            case WHITEBOARD -> hostApi(host, HostWhiteboard.class).getMethod("withdrawAll").invoke(null);
            case CLASS_VALUE -> ((ClassValue<?>) staticField(kind, leaked, "META")).remove(UUID.class);
            case NOTIFICATION_LISTENER -> ((NotificationEmitter) ManagementFactory.getMemoryMXBean())
                    .removeNotificationListener((NotificationListener) staticField(kind, leaked, "LISTENER"));
            case CUSTOM_LEVEL, NONE -> throw new IllegalArgumentException(kind + " does not leak: nothing to undo");
        }
    }

    /** Runs {@code action} on the host's worker thread and waits for it. */
    private static void onHostWorker(Bundle host, Runnable action) throws Exception {
        ExecutorService workers = (ExecutorService) hostApi(host, HostExecutors.class).getMethod("workers")
                .invoke(null);
        workers.submit(action).get(WAIT_SECONDS, TimeUnit.SECONDS);
    }

    /** @return the host bundle's class of the probe's copy {@code type} (used for its name only) */
    private static Class<?> hostApi(Bundle host, Class<?> type) throws ClassNotFoundException {
        return host.loadClass(type.getName());
    }

    /** Makes the live thread {@code name} end with {@code ending}, and waits until it has. */
    private static void endThread(String name, Consumer<Thread> ending) throws InterruptedException {
        Thread thread = Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no live thread " + name));
        ending.accept(thread);
        thread.join(TimeUnit.SECONDS.toMillis(WAIT_SECONDS));
        if (thread.isAlive()) {
            throw new AssertionError("thread " + name + " did not end within " + WAIT_SECONDS + " s");
        }
    }

    /** @return the value of the activator's static field {@code name}, as the leaked loader defined it */
    private static Object staticField(LeakKind kind, ClassLoader leaked, String name) throws Exception {
        Field field = type(kind, leaked).getDeclaredField(name);
        field.setAccessible(true); // another unnamed module, which opens everything
        return field.get(null);
    }

    /** @return the activator class the leaked loader defined (not the probe's copy of it) */
    private static Class<?> type(LeakKind kind, ClassLoader leaked) throws ClassNotFoundException {
        Class<?> type = Class.forName(kind.activator().getName(), false, leaked);
        if (type.getClassLoader() != leaked) {
            throw new AssertionError(type + " was not defined by the leaked loader but by " + type.getClassLoader());
        }
        return type;
    }
}
