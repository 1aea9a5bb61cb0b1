package org.devcd.leakdoctor.heap;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.ref.WeakReference;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import org.apache.felix.framework.Felix;
import org.devcd.leakdoctor.heap.Link.Kind;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.Constants;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.wiring.FrameworkWiring;

/**
 * The leak the doctor is for, in a real Felix 7.0.5: a bundle is uninstalled and refreshed while a long-lived class
 * still holds an object of one of its classes. The chain names the bundle of the class and of the class loader, read
 * from Felix's objects in the heap.
 */
class FelixBundleLeakTest {
    private static final Map<String, Object> CACHE = new HashMap<>();

    private Felix felix;

    @BeforeEach
    void startFelix() throws Exception {
        felix = EmbeddedFelix.start("felix-cache");
    }

    @AfterEach
    void stopFelix() throws Exception {
        CACHE.clear();
        EmbeddedFelix.stop(felix);
    }

    /** The class and its loader are named by bundle, id and revision: org.acme.foo [1] rev 0. */
    @Test
    void namesTheBundleOfAStaleClassLoader() throws Exception {
        WeakReference<ClassLoader> loader = leakUninstalledBundle();

        ReferenceChain chain = HeapPaths.shortestPathTo(loader, Throwaway.dumpFile("felix")).orElseThrow();
        System.out.println(chain.render());

        assertThat(chain.root().text()).isEqualTo("static field " + FelixBundleLeakTest.class.getName() + ".CACHE");
        assertThat(chain.links()).endsWith(
                new Link(Kind.CLASS, "org.acme.foo.Foo.class  (of bundle org.acme.foo [1] rev 0)"),
                new Link(Kind.CLASS_LOADER, "class loader of bundle org.acme.foo [1] rev 0"));
        assertThat(chain.target()).isEqualTo("class loader of bundle org.acme.foo [1] rev 0");
    }

    private WeakReference<ClassLoader> leakUninstalledBundle() throws Exception {
        Bundle bundle = felix.getBundleContext().installBundle(bundleJar().toUri().toString());
        bundle.start();
        Class<?> foo = bundle.loadClass("org.acme.foo.Foo");
        CACHE.put("foo", foo.getConstructor().newInstance());
        bundle.uninstall();
        refresh();
        return Throwaway.weakly(foo.getClassLoader());
    }

    private void refresh() throws InterruptedException {
        CountDownLatch refreshed = new CountDownLatch(1);
        felix.adapt(FrameworkWiring.class).refreshBundles(null, event -> {
            if (event.getType() == FrameworkEvent.PACKAGES_REFRESHED) {
                refreshed.countDown();
            }
        });
        assertThat(refreshed.await(10, TimeUnit.SECONDS)).as("refreshed").isTrue();
    }

    /** Returns a bundle org.acme.foo with one class, org.acme.foo.Foo, built from source. */
    private static Path bundleJar() throws IOException {
        URL classes = Throwaway.compile(Map.of("org/acme/foo/Foo.java", "package org.acme.foo; public class Foo {}"),
                Path.of("target", "acme-foo-classes"));
        Manifest manifest = new Manifest();
        Attributes attributes = manifest.getMainAttributes();
        attributes.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        attributes.putValue(Constants.BUNDLE_MANIFESTVERSION, "2");
        attributes.putValue(Constants.BUNDLE_SYMBOLICNAME, "org.acme.foo");
        Path jar = Path.of("target", "org.acme.foo.jar");
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream jarOut = new JarOutputStream(out, manifest)) {
            jarOut.putNextEntry(new JarEntry("org/acme/foo/Foo.class"));
            jarOut.write(Files.readAllBytes(Path.of(classes.getPath(), "org/acme/foo/Foo.class")));
            jarOut.closeEntry();
        }
        return jar;
    }
}
