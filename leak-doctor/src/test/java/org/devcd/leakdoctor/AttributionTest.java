package org.devcd.leakdoctor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import java.lang.management.ManagementFactory;
import java.lang.ref.Reference;
import java.lang.ref.WeakReference;
import java.security.Provider;
import java.security.Security;
import java.time.Duration;
import java.util.List;
import java.util.Timer;
import java.util.TimerTask;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.logging.Handler;
import java.util.logging.Logger;

import javax.management.MBeanServer;
import javax.management.ObjectName;

import org.assertj.core.api.InstanceOfAssertFactories;
import org.devcd.leakdoctor.Culprit.Kind;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * Each way a bundle leaks its loader, done for real with a throwaway loader ({@link ThrowawayBundle}) in a JVM that
 * opens every JDK internal the checks read: {@link Attribution} names the holder, and once the test undoes the leak,
 * {@link GcWitness} sees the loader collected (so the leak was the only holder, and the inspection kept nothing).
 *
 * <p>Each test leaks, inspects and undoes in a method of its own that returns only a weak reference to the loader, so
 * that no stack slot of the test keeps the loader alive.
 */
class AttributionTest {
    /** A pool thread that outlives the "bundles" whose thread-local values it carries. */
    private static final ExecutorService LONG_LIVED = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "long-lived");
        thread.setDaemon(true);
        return thread;
    });
    private static final ThreadLocal<Object> SLOT = new ThreadLocal<>();
    /** Held for the JVM's life, as an application's logger is (LogManager itself holds loggers weakly). */
    private static final Logger LEAKY_LOGGER = Logger.getLogger("org.acme.leaky");

    @AfterAll
    static void stopLongLived() {
        LONG_LIVED.shutdownNow();
    }

    /** A loader none of whose objects is held anywhere has no culprit, not even a not-inspected line. */
    @Test
    void aLoaderWithoutLeaksHasNoCulprit() throws Exception {
        assertCollected(withoutLeaks());
    }

    private static WeakReference<ClassLoader> withoutLeaks() throws Exception {
        ClassLoader loader = ThrowawayBundle.newLoader("clean");
        Object session = ThrowawayBundle.create(loader, "org.acme.Session");
        assertThat(Attribution.of(loader)).isEmpty();
        Reference.reachabilityFence(session);
        return new WeakReference<>(loader);
    }

    /**
     * A thread running the bundle's Runnable: named, with state, daemon flag and the tie; its frames start where the
     * bundle's code waits (stack frames name the loader, here "worker"), and its sentence ends with that frame.
     */
    @Test
    void threadRunningItsRunnable() throws Exception {
        assertCollected(threadRunningItsRunnableLeak());
    }

    private static WeakReference<ClassLoader> threadRunningItsRunnableLeak() throws Exception {
        ClassLoader loader = ThrowawayBundle.newLoader("worker");
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Thread thread = new Thread((Runnable) ThrowawayBundle.create(loader, "org.acme.Worker", started, release),
                "leaky-worker");
        thread.setDaemon(true);
        thread.start();
        try {
            started.await();
            Culprit culprit = onlyCulprit(loader, Kind.THREAD);
            assertThat(culprit.description()).startsWith("thread \"leaky-worker\" (")
                    .contains(", daemon)").endsWith(" runs org.acme.Worker of the bundle");
            assertThat(culprit.details()).hasSizeLessThanOrEqualTo(5).first(InstanceOfAssertFactories.STRING)
                    .matches("at worker//org\\.acme\\.Worker\\.run\\(Worker\\.java:\\d+\\)");
            assertThat(culprit).hasToString(culprit.description() + ": " + culprit.details().get(0));
        } finally {
            release.countDown();
            thread.join();
        }
        return new WeakReference<>(loader);
    }

    /** A thread whose context class loader is the bundle's: named, with the tie. */
    @Test
    void threadWithItsContextClassLoader() throws Exception {
        assertCollected(threadWithItsContextClassLoaderLeak());
    }

    private static WeakReference<ClassLoader> threadWithItsContextClassLoaderLeak() throws Exception {
        ClassLoader loader = ThrowawayBundle.newLoader("context");
        try (Leaks.AutoCloseableThread thread = Leaks.threadWithContext("leaky-context", loader)) {
            assertThat(onlyCulprit(loader, Kind.THREAD).description()).startsWith("thread \"leaky-context\" (")
                    .endsWith(" has the bundle's class loader as its context class loader");
        }
        return new WeakReference<>(loader);
    }

    /** A value of the bundle's class in a JDK ThreadLocal on a pool thread: the thread, the local, the value. */
    @Test
    void threadLocalValueOnALongLivedThread() throws Exception {
        assertCollected(threadLocalValueLeak());
    }

    private static WeakReference<ClassLoader> threadLocalValueLeak() throws Exception {
        ClassLoader loader = ThrowawayBundle.newLoader("session");
        Object session = ThrowawayBundle.create(loader, "org.acme.Session");
        LONG_LIVED.submit(() -> SLOT.set(session)).get();
        try {
            assertThat(onlyCulprit(loader, Kind.THREAD_LOCAL).description()).startsWith("thread \"long-lived\" (")
                    .endsWith(" holds value org.acme.Session of the bundle in thread local java.lang.ThreadLocal");
        } finally {
            LONG_LIVED.submit(SLOT::remove).get();
        }
        return new WeakReference<>(loader);
    }

    /** The bundle's own ThreadLocal subclass holding its value on a pool thread: both classes named. */
    @Test
    void threadLocalOfTheBundleOnALongLivedThread() throws Exception {
        assertCollected(threadLocalOfTheBundleLeak());
    }

    private static WeakReference<ClassLoader> threadLocalOfTheBundleLeak() throws Exception {
        ClassLoader loader = ThrowawayBundle.newLoader("scope");
        LONG_LIVED.submit(() -> ThrowawayBundle.call(loader, "org.acme.Scope", "enter")).get();
        try {
            assertThat(onlyCulprit(loader, Kind.THREAD_LOCAL).description()).startsWith("thread \"long-lived\" (")
                    .endsWith(" holds value org.acme.Scope of the bundle in thread local org.acme.Scope$1 of the "
                            + "bundle");
        } finally {
            LONG_LIVED.submit(() -> ThrowawayBundle.call(loader, "org.acme.Scope", "exit")).get();
        }
        return new WeakReference<>(loader);
    }

    /** A JDBC driver the bundle registered, invisible to DriverManager.getDrivers() from here: named by class. */
    @Test
    void jdbcDriver() throws Exception {
        assertCollected(jdbcDriverLeak());
    }

    private static WeakReference<ClassLoader> jdbcDriverLeak() throws Exception {
        ClassLoader loader = ThrowawayBundle.newLoader("driver");
        ThrowawayBundle.call(loader, "org.acme.TinyDriver", "register");
        try {
            assertThat(onlyCulprit(loader, Kind.JDBC_DRIVER).description())
                    .isEqualTo("JDBC driver org.acme.TinyDriver of the bundle is registered in java.sql.DriverManager");
        } finally {
            ThrowawayBundle.call(loader, "org.acme.TinyDriver", "deregister");
        }
        return new WeakReference<>(loader);
    }

    /** A shutdown hook running the bundle's Runnable: named. */
    @Test
    void shutdownHook() throws Exception {
        assertCollected(shutdownHookLeak());
    }

    private static WeakReference<ClassLoader> shutdownHookLeak() throws Exception {
        ClassLoader loader = ThrowawayBundle.newLoader("hook");
        Thread hook = new Thread((Runnable) ThrowawayBundle.create(loader, "org.acme.Cleanup"), "leaky-hook");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            assertThat(onlyCulprit(loader, Kind.SHUTDOWN_HOOK).description())
                    .isEqualTo("shutdown hook \"leaky-hook\" runs org.acme.Cleanup of the bundle");
        } finally {
            Runtime.getRuntime().removeShutdownHook(hook);
        }
        return new WeakReference<>(loader);
    }

    /** A java.util.Timer with a task of the bundle: the timer thread and the task's class. */
    @Test
    void timerTask() throws Exception {
        assertCollected(timerTaskLeak());
    }

    private static WeakReference<ClassLoader> timerTaskLeak() throws Exception {
        ClassLoader loader = ThrowawayBundle.newLoader("timer");
        Timer timer = new Timer("leaky-timer", true);
        timer.schedule((TimerTask) ThrowawayBundle.create(loader, "org.acme.Tick"), Duration.ofHours(1).toMillis());
        try {
            assertThat(onlyCulprit(loader, Kind.TIMER).description()).startsWith("timer thread \"leaky-timer\" (")
                    .endsWith(" holds task org.acme.Tick of the bundle");
        } finally {
            timer.cancel();
        }
        return new WeakReference<>(loader);
    }

    /** A standard MBean of the bundle in the platform MBeanServer: its ObjectName and class. */
    @Test
    void mbean() throws Exception {
        assertCollected(mbeanLeak());
    }

    private static WeakReference<ClassLoader> mbeanLeak() throws Exception {
        ClassLoader loader = ThrowawayBundle.newLoader("mbean");
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        ObjectName name = new ObjectName("org.acme:type=Gauge,name=leaky");
        server.registerMBean(ThrowawayBundle.create(loader, "org.acme.Gauge"), name);
        try {
            assertThat(onlyCulprit(loader, Kind.MBEAN).description()).startsWith(
                    "MBean " + name.getCanonicalName() + " (org.acme.Gauge) is registered in the MBeanServer");
        } finally {
            server.unregisterMBean(name);
        }
        return new WeakReference<>(loader);
    }

    /** A security provider of the bundle: its provider name and class. */
    @Test
    void securityProvider() throws Exception {
        assertCollected(securityProviderLeak());
    }

    private static WeakReference<ClassLoader> securityProviderLeak() throws Exception {
        ClassLoader loader = ThrowawayBundle.newLoader("provider");
        Security.addProvider((Provider) ThrowawayBundle.create(loader, "org.acme.LeakyProvider"));
        try {
            assertThat(onlyCulprit(loader, Kind.SECURITY_PROVIDER).description()).isEqualTo(
                    "security provider \"LeakyProvider\" (org.acme.LeakyProvider of the bundle) is installed in "
                            + "java.security.Security");
        } finally {
            Security.removeProvider("LeakyProvider");
        }
        return new WeakReference<>(loader);
    }

    /** A java.util.logging handler of the bundle on a logger: the handler's class and the logger. */
    @Test
    void logHandler() throws Exception {
        assertCollected(logHandlerLeak());
    }

    private static WeakReference<ClassLoader> logHandlerLeak() throws Exception {
        ClassLoader loader = ThrowawayBundle.newLoader("handler");
        Handler handler = (Handler) ThrowawayBundle.create(loader, "org.acme.LeakyHandler");
        LEAKY_LOGGER.addHandler(handler);
        try {
            assertThat(onlyCulprit(loader, Kind.LOG_HANDLER).description()).isEqualTo(
                    "log handler org.acme.LeakyHandler of the bundle is attached to logger \"org.acme.leaky\"");
        } finally {
            LEAKY_LOGGER.removeHandler(handler);
        }
        return new WeakReference<>(loader);
    }

    /** The loader to explain is required. */
    @Test
    void requiresALoader() {
        assertThatNullPointerException().isThrownBy(() -> Attribution.of(null)).withMessage("loader");
    }

    /** Attribution finds exactly one culprit, of {@code kind}: no other holder, no not-inspected line. */
    private static Culprit onlyCulprit(ClassLoader loader, Kind kind) {
        List<Culprit> culprits = Attribution.of(loader);
        assertThat(culprits).singleElement().extracting(Culprit::kind).isEqualTo(kind);
        return culprits.get(0);
    }

    private static void assertCollected(WeakReference<ClassLoader> loader) throws InterruptedException {
        Leaks.assertCollected(loader);
    }
}
