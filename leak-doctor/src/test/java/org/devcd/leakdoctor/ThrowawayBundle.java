package org.devcd.leakdoctor;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.net.URL;
import java.net.URLClassLoader;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;

/**
 * Stand-ins for a bundle's classes, each leaking the loader in one of the ways the leak doctor knows: compiled from
 * source once per test JVM (into a fresh folder under target/), then loaded by a new, named class loader per test, so
 * every test has its own "bundle" whose collection it can witness. The loaders' parent is the platform loader: nothing
 * of the test's own class path is visible to them, as nothing of another bundle is visible to a bundle.
 */
final class ThrowawayBundle {
    private static final Map<String, String> SOURCES = Map.ofEntries(
            Map.entry("org.acme.Worker", """
                    package org.acme;
                    import java.util.concurrent.CountDownLatch;
                    public class Worker implements Runnable {
                        private final CountDownLatch started;
                        private final CountDownLatch release;
                        public Worker(CountDownLatch started, CountDownLatch release) {
                            this.started = started;
                            this.release = release;
                        }
                        @Override public void run() {
                            started.countDown();
                            try {
                                release.await();
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                            }
                        }
                    }
                    """),
            Map.entry("org.acme.Session", """
                    package org.acme;
                    public class Session {
                    }
                    """),
            Map.entry("org.acme.Scope", """
                    package org.acme;
                    public class Scope {
                        static final ThreadLocal<Scope> CURRENT = new ThreadLocal<>() { };
                        public static void enter() { CURRENT.set(new Scope()); }
                        public static void exit() { CURRENT.remove(); }
                    }
                    """),
            Map.entry("org.acme.TinyDriver", """
                    package org.acme;
                    import java.sql.*;
                    import java.util.Properties;
                    import java.util.logging.Logger;
                    public class TinyDriver implements Driver {
                        private static final TinyDriver INSTANCE = new TinyDriver();
                        public static void register() throws SQLException { DriverManager.registerDriver(INSTANCE); }
                        public static void deregister() throws SQLException {
                            DriverManager.deregisterDriver(INSTANCE);
                        }
                        @Override public Connection connect(String url, Properties info) { return null; }
                        @Override public boolean acceptsURL(String url) { return false; }
                        @Override public DriverPropertyInfo[] getPropertyInfo(String url, Properties info) {
                            return new DriverPropertyInfo[0];
                        }
                        @Override public int getMajorVersion() { return 1; }
                        @Override public int getMinorVersion() { return 0; }
                        @Override public boolean jdbcCompliant() { return false; }
                        @Override public Logger getParentLogger() throws SQLFeatureNotSupportedException {
                            throw new SQLFeatureNotSupportedException();
                        }
                    }
                    """),
            Map.entry("org.acme.Cleanup", """
                    package org.acme;
                    public class Cleanup implements Runnable {
                        @Override public void run() { }
                    }
                    """),
            Map.entry("org.acme.Tick", """
                    package org.acme;
                    public class Tick extends java.util.TimerTask {
                        @Override public void run() { }
                    }
                    """),
            Map.entry("org.acme.GaugeMBean", """
                    package org.acme;
                    public interface GaugeMBean {
                        int getValue();
                    }
                    """),
            Map.entry("org.acme.Gauge", """
                    package org.acme;
                    public class Gauge implements GaugeMBean {
                        @Override public int getValue() { return 42; }
                    }
                    """),
            Map.entry("org.acme.LeakyProvider", """
                    package org.acme;
                    public class LeakyProvider extends java.security.Provider {
                        public LeakyProvider() { super("LeakyProvider", "1.0", "a provider that outlives its bundle"); }
                    }
                    """),
            Map.entry("org.acme.LeakyHandler", """
                    package org.acme;
                    import java.util.logging.*;
                    public class LeakyHandler extends Handler {
                        @Override public void publish(LogRecord record) { }
                        @Override public void flush() { }
                        @Override public void close() { }
                    }
                    """));

    private static final Path CLASSES = compile();

    private ThrowawayBundle() {
    }

    /** A new loader of the throwaway classes, named {@code name}. */
    static ClassLoader newLoader(String name) {
        try {
            return new URLClassLoader(name, new URL[] {CLASSES.toUri().toURL()}, ClassLoader.getPlatformClassLoader());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A new {@code className} of {@code loader}, made by its public constructor that takes {@code args}. */
    static Object create(ClassLoader loader, String className, Object... args) throws ReflectiveOperationException {
        for (Constructor<?> constructor : loader.loadClass(className).getConstructors()) {
            if (constructor.getParameterCount() == args.length) {
                return constructor.newInstance(args);
            }
        }
        throw new NoSuchMethodException(className + " has no public constructor of " + args.length + " parameters");
    }

    /**
     * Calls {@code className.method()} of {@code loader}: code of the bundle, with the bundle as caller. Throws nothing
     * checked, so that a pool task can call it.
     */
    static void call(ClassLoader loader, String className, String method) {
        try {
            loader.loadClass(className).getMethod(method).invoke(null);
        } catch (InvocationTargetException e) {
            throw new IllegalStateException(className + "." + method + "() failed", e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Path compile() {
        try {
            Path classes = Files.createTempDirectory("throwaway-bundle");
            JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
            List<JavaFileObject> units = SOURCES.entrySet().stream().map(ThrowawayBundle::source).toList();
            if (!javac.getTask(null, null, null, List.of("-d", classes.toString()), null, units).call()) {
                throw new IllegalStateException("the throwaway bundle does not compile (see the test output)");
            }
            return classes;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JavaFileObject source(Map.Entry<String, String> entry) {
        URI uri = URI.create("string:///" + entry.getKey().replace('.', '/') + JavaFileObject.Kind.SOURCE.extension);
        return new SimpleJavaFileObject(uri, JavaFileObject.Kind.SOURCE) {
            @Override
            public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                return entry.getValue();
            }
        };
    }
}
