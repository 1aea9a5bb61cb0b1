package org.devcd.leakdoctor.heap;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.ref.WeakReference;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * Throwaway class loaders for the leak tests: each a named {@link URLClassLoader} over classes compiled at test time
 * from the sources below, with the platform loader as parent, so nothing of the test's own classes is in it and nothing
 * but the leak under test holds it.
 */
final class Throwaway {
    /** An instance of nothing in particular: what a cache keeps. */
    static final String PAYLOAD = "throwaway.Payload";
    /** A thread subclass that waits for its latch: what a bundle starts and forgets to stop. */
    static final String WORKER = "throwaway.Worker";

    private static final Map<String, String> SOURCES = Map.of(
            "throwaway/Payload.java", "package throwaway; public class Payload {}",
            "throwaway/Worker.java", """
                    package throwaway;
                    import java.util.concurrent.CountDownLatch;
                    public class Worker extends Thread {
                        private final CountDownLatch release;
                        public Worker(String name, CountDownLatch release) {
                            super(name);
                            this.release = release;
                        }
                        @Override
                        public void run() {
                            try {
                                release.await();
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                            }
                        }
                    }
                    """);
    private static final URL CLASSES = compile(SOURCES, Path.of("target", "throwaway-classes"));

    private Throwaway() {
    }

    /** Returns a new loader named {@code name} over the throwaway classes. */
    static URLClassLoader loader(String name) {
        return new URLClassLoader(name, new URL[] {CLASSES}, ClassLoader.getPlatformClassLoader());
    }

    /** Returns a new instance of {@code className}, loaded by {@code loader}, made with {@code arguments}. */
    static Object instance(ClassLoader loader, String className, Object... arguments) {
        try {
            Class<?> type = Class.forName(className, true, loader);
            Class<?>[] parameterTypes = type.getConstructors()[0].getParameterTypes();
            return type.getConstructor(parameterTypes).newInstance(arguments);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot make a " + className, e);
        }
    }

    /** Returns a weak reference to {@code loader}: all a test keeps of it. */
    static WeakReference<ClassLoader> weakly(ClassLoader loader) {
        return new WeakReference<>(loader);
    }

    /** Returns a new dump file name under target/ that does not exist yet. */
    static Path dumpFile(String name) throws IOException {
        Path file = Path.of("target", "heap-dumps", name + ".hprof");
        Files.createDirectories(file.getParent());
        Files.deleteIfExists(file);
        return file;
    }

    /** Compiles {@code sources} (file name to text) into {@code classes} and returns its URL. */
    static URL compile(Map<String, String> sources, Path classes) {
        try {
            Path sourceDir = Files.createDirectories(classes.resolveSibling(classes.getFileName() + "-src"));
            Files.createDirectories(classes);
            List<String> arguments = new ArrayList<>(List.of("-d", classes.toString(), "-nowarn"));
            for (Map.Entry<String, String> source : sources.entrySet()) {
                Path file = sourceDir.resolve(source.getKey());
                Files.createDirectories(file.getParent());
                Files.writeString(file, source.getValue());
                arguments.add(file.toString());
            }
            JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
            if (compiler.run(null, null, null, arguments.toArray(String[]::new)) != 0) {
                throw new IllegalStateException("cannot compile " + sources.keySet());
            }
            return classes.toUri().toURL();
        } catch (MalformedURLException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
