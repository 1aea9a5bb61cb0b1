package org.devcd.itests.leaks;

import java.util.List;

import org.devcd.itests.leaks.corpus.CachedServiceLeak;
import org.devcd.itests.leaks.corpus.ClassValueLeak;
import org.devcd.itests.leaks.corpus.ContextLoaderLeak;
import org.devcd.itests.leaks.corpus.CustomLevelUse;
import org.devcd.itests.leaks.corpus.JdbcLeak;
import org.devcd.itests.leaks.corpus.LogHandlerLeak;
import org.devcd.itests.leaks.corpus.MBeanLeak;
import org.devcd.itests.leaks.corpus.NoLeak;
import org.devcd.itests.leaks.corpus.NotificationListenerLeak;
import org.devcd.itests.leaks.corpus.ScheduledTaskLeak;
import org.devcd.itests.leaks.corpus.SecurityProviderLeak;
import org.devcd.itests.leaks.corpus.ShutdownHookLeak;
import org.devcd.itests.leaks.corpus.StaticCacheLeak;
import org.devcd.itests.leaks.corpus.ThreadLeak;
import org.devcd.itests.leaks.corpus.ThreadLocalLeak;
import org.devcd.itests.leaks.corpus.TimerLeak;
import org.devcd.itests.leaks.corpus.WhiteboardLeak;
import org.devcd.itests.leaks.host.HostExecutors;
import org.osgi.framework.BundleActivator;

/**
 * The leak corpus: one throwaway bundle per way a bundle's class loader outlives the bundle, and the strings a
 * diagnosis must contain to name what holds it. Each leaky bundle's activator leaks in start() and deliberately does
 * not clean up in stop(); after uninstall and refresh exactly one culprit holds its loader. {@link LeakCorpusIT} proves
 * that it leaks, and that undoing that culprit alone frees it.
 *
 * <p>Each bundle is the activator class with its nested classes, built by {@link CorpusBundles}; {@link #HOST} is the
 * long-lived bundle they leak into. "Chain" below reads from the GC root to the loader; every chain ends in an object
 * of the bundle's class, its {@code Class}, and the loader.
 */
public enum LeakKind {
    /**
     * A thread the bundle started and never stopped (pollers, watchdogs, workers started in an activator or component).
     * Root: the live thread {@value ThreadLeak#THREAD}; chain: the thread's {@code Runnable}
     * ({@code ThreadLeak$Worker}).
     */
    THREAD("thread", ThreadLeak.class, Imports.FRAMEWORK, true, ThreadLeak.THREAD),
    /**
     * Code that needs a context class loader sets it on a pooled thread and does not restore it (JAXB, ServiceLoader,
     * scripting engines run on a container's pool). Root: the host's pool thread {@value HostExecutors#WORKER}; chain:
     * its {@code contextClassLoader} field, which is the loader itself.
     */
    CONTEXT_LOADER("context-loader", ContextLoaderLeak.class, Imports.HOST, true, HostExecutors.WORKER),
    /**
     * A value of the bundle's class in the bundle's own static {@code ThreadLocal}, set on a pooled thread and never
     * removed (per-request sessions, date formatters, buffers). Root: the host's pool thread
     * {@value HostExecutors#WORKER}; chain: its {@code threadLocals} map, the entry's value
     * ({@code ThreadLocalLeak$Session}).
     * The entry's key is weak but stays reachable through the value's class, so the entry is never expunged.
     */
    THREAD_LOCAL("thread-local", ThreadLocalLeak.class, Imports.HOST, true, HostExecutors.WORKER),
    /**
     * A JDBC driver registered in {@code DriverManager} and never deregistered (every driver bundle that registers in
     * a static initializer). Root: the class {@code java.sql.DriverManager}; chain: its static
     * {@code registeredDrivers} list, a {@code DriverInfo}, the driver.
     */
    JDBC("jdbc", JdbcLeak.class, Imports.FRAMEWORK, true, JdbcLeak.Driver.class.getName()),
    /**
     * A shutdown hook never removed (flush-on-exit code). Root: the class {@code java.lang.ApplicationShutdownHooks};
     * chain: its static {@code hooks} map, the registered, never started thread {@value ShutdownHookLeak#HOOK_NAME}
     * of the bundle's class.
     */
    SHUTDOWN_HOOK("shutdown-hook", ShutdownHookLeak.class, Imports.FRAMEWORK, true, ShutdownHookLeak.HOOK_NAME),
    /**
     * A {@code java.util.Timer} never cancelled (expiry and refresh timers). Root: the timer's thread
     * {@value TimerLeak#TIMER_NAME}; chain: its task queue, the pending task ({@code TimerLeak$Expire}).
     */
    TIMER("timer", TimerLeak.class, Imports.FRAMEWORK, true, TimerLeak.TIMER_NAME),
    /**
     * An MBean never unregistered (metrics and management beans). Root: the platform MBeanServer, static in
     * {@code java.lang.management.ManagementFactory}; chain: its repository, the {@code StandardMBean} registered as
     * {@value MBeanLeak#NAME}, its implementation ({@code MBeanLeak$Leaky}).
     */
    MBEAN("mbean", MBeanLeak.class, Imports.JMX, true, MBeanLeak.NAME),
    /**
     * A security provider installed and never removed (bundles embedding Bouncy Castle). Root: the class
     * {@code sun.security.jca.Providers}; chain: the current {@code ProviderList}, the provider
     * {@value SecurityProviderLeak#PROVIDER} of the bundle's class.
     */
    SECURITY_PROVIDER("security-provider", SecurityProviderLeak.class, Imports.FRAMEWORK, true,
            SecurityProviderLeak.PROVIDER),
    /**
     * A {@code java.util.logging} handler added to a logger that outlives the bundle, and never removed (log
     * bridges). JUL holds loggers weakly, so it takes a strongly held logger: the host's logging configuration keeps
     * {@value LogHandlerLeak#LOGGER}. Root: the host's class {@code LogLevels} (its static {@code CONFIGURED} map);
     * chain: the logger {@value LogHandlerLeak#LOGGER}, its handlers, the handler ({@code LogHandlerLeak$Collect}).
     */
    LOG_HANDLER("log-handler", LogHandlerLeak.class, Imports.FRAMEWORK, true, LogHandlerLeak.LOGGER),
    /**
     * A class of the bundle kept as a key of a shared static cache (introspection, serialization, mapping libraries).
     * Root: the host's class {@code HostCache}; chain: its static map {@code BY_CLASS}, the key
     * {@code StaticCacheLeak$Model}, a {@code Class} of the bundle.
     */
    STATIC_CACHE("static-cache", StaticCacheLeak.class, Imports.HOST, true, "HostCache", "BY_CLASS"),
    /**
     * A task scheduled on a shared scheduler, hours ahead, never cancelled (periodic reports, retries). Root: the
     * host's scheduler thread {@value HostExecutors#SCHEDULER}; chain: its executor's delayed work queue, the
     * {@code ScheduledFutureTask}, the task ({@code ScheduledTaskLeak$Report}).
     */
    SCHEDULED_TASK("scheduled-task", ScheduledTaskLeak.class, Imports.HOST, true, HostExecutors.SCHEDULER),
    /**
     * A service object that a consumer looked up once and kept in a field after the service went away (consumers
     * without a {@code ServiceTracker}). Root: the host's class {@code ServiceCache}; chain: its static field
     * {@code cached}, the service object ({@code CachedServiceLeak$Greeter}).
     */
    CACHED_SERVICE("cached-service", CachedServiceLeak.class, Imports.HOST, true, "ServiceCache", "cached"),
    /**
     * A listener the bundle handed to a host that registers it as a service of its own (a whiteboard adapter). Root:
     * the framework's service registry; the live check names the host's registration and the listener's class
     * without a heap dump.
     */
    WHITEBOARD("whiteboard", WhiteboardLeak.class, Imports.HOST, true,
            "service [java.lang.Runnable]", "registered by bundle org.devcd.itests.leaks.host", "WhiteboardLeak$Tick of the bundle"),
    /**
     * A custom {@code java.util.logging.Level} subclass, used once. Java 8's known-levels registry held it strongly;
     * since Java 9 {@code Level.KnownLevel} is a weak reference to a custom level and keeps only a plain mirror
     * strongly: the bundle UNLOADS. Kept as the case a diagnosis must not blame.
     */
    CUSTOM_LEVEL("custom-level", CustomLevelUse.class, Imports.FRAMEWORK, false),
    /**
     * A value of the bundle's class computed for a JDK class by the bundle's own {@code ClassValue} (dynamic
     * languages, serializers; JDK-8136353, closed as working as designed). Root: the JDK class
     * {@code java.util.UUID}; chain: its {@code classValueMap}, the entry's value ({@code ClassValueLeak$Meta}). The
     * map's key (the {@code ClassValue}'s identity) is weak but reachable again through the value's class, like a
     * thread local's. The leak doctor cannot name this one: the map lives in a field of the {@code java.lang.Class}
     * object, and HPROF heap dumps record no instance field of a class object. Its verdict says the heap dump shows no
     * strong path and names ClassValue as the blind spot; the cheap checks find nothing.
     */
    CLASS_VALUE("class-value", ClassValueLeak.class, Imports.FRAMEWORK, true, "shows no strong path", "ClassValue"),
    /**
     * A notification listener on a platform MXBean never removed (memory watchdogs, GC listeners). Root: the platform
     * memory MXBean {@value NotificationListenerLeak#EMITTER} ({@code sun.management.MemoryImpl}, static in
     * {@code ManagementFactoryHelper}); chain: its listener list, the listener
     * ({@code NotificationListenerLeak$Watchdog}).
     */
    NOTIFICATION_LISTENER("notification-listener", NotificationListenerLeak.class, Imports.JMX, true,
            "ManagementFactoryHelper.memoryMBean", "NotificationListenerLeak$Watchdog"),
    /** The clean bundle: every kind above, each undone in stop(). It must unload. */
    NONE("none", NoLeak.class, Imports.HOST_AND_JMX, false);

    /** The symbolic name of the host bundle the corpus leaks into; it exports {@code org.devcd.itests.leaks.host}. */
    public static final String HOST = "org.devcd.itests.leaks.host";

    private final String kind;
    private final Class<? extends BundleActivator> activator;
    private final String imports;
    private final boolean leaks;
    private final List<String> culprits;

    LeakKind(String kind, Class<? extends BundleActivator> activator, String imports, boolean leaks,
            String... culprits) {
        this.kind = kind;
        this.activator = activator;
        this.imports = imports;
        this.leaks = leaks;
        this.culprits = List.of(culprits);
    }

    /** @return the kind's short name, e.g. {@code thread} */
    public String kind() {
        return kind;
    }

    /** @return the bundle's symbolic name, {@code org.devcd.itests.leak.<kind>} */
    public String symbolicName() {
        return "org.devcd.itests.leak." + kind;
    }

    /** @return the bundle's activator; the bundle is this class with its nested classes */
    public Class<? extends BundleActivator> activator() {
        return activator;
    }

    /** @return the bundle's {@code Import-Package} header */
    public String imports() {
        return imports;
    }

    /** @return whether the bundle's loader stays reachable after uninstall and refresh */
    public boolean leaks() {
        return leaks;
    }

    /** @return the strings a diagnosis of this leak must all contain to name its culprit; empty if it does not leak */
    public List<String> culprits() {
        return culprits;
    }

    /** The Import-Package headers the corpus needs. */
    private static final class Imports {
        static final String FRAMEWORK = "org.osgi.framework";
        static final String HOST = FRAMEWORK + ",org.devcd.itests.leaks.host;version=\"[1.0,2)\"";
        static final String JMX = FRAMEWORK + ",javax.management";
        static final String HOST_AND_JMX = HOST + ",javax.management";
    }
}
