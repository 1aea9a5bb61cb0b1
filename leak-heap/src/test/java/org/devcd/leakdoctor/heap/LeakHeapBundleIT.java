package org.devcd.leakdoctor.heap;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.ref.WeakReference;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.apache.felix.framework.Felix;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;

/**
 * The packaged bundle in a plain Felix 7.0.5 with nothing installed but it: it resolves and starts on the JDK alone,
 * and its own copy of Shark and Kotlin, loaded by its bundle class loader, finds a chain.
 */
class LeakHeapBundleIT {
    private static final List<Object> HELD = new ArrayList<>();

    private Felix felix;

    @BeforeEach
    void startFelix() throws Exception {
        felix = EmbeddedFelix.start("felix-cache-it");
    }

    @AfterEach
    void stopFelix() throws Exception {
        HELD.clear();
        EmbeddedFelix.stop(felix);
    }

    /** Installed alone, the bundle starts; its HeapPaths, not the class path's, names the static field that leaks. */
    @Test
    void runsInPlainFelixOnTheJdkAlone() throws Exception {
        Path jar = Path.of(System.getProperty("leakHeap.bundle"));
        Bundle bundle = felix.getBundleContext().installBundle(jar.toUri().toString());
        bundle.start();
        assertThat(bundle.getState()).isEqualTo(Bundle.ACTIVE);
        Class<?> heapPaths = bundle.loadClass(HeapPaths.class.getName());
        assertThat(heapPaths).isNotSameAs(HeapPaths.class);
        // A marker class of the class path's copy too: the bundle's copy must find its own marker among both.
        assertThat(HeapPaths.shortestPathTo(new WeakReference<>(null), Throwaway.dumpFile("unused"))).isEmpty();

        Optional<?> chain = (Optional<?>) heapPaths.getMethod("shortestPathTo", WeakReference.class, Path.class)
                .invoke(null, leak("in-felix"), Throwaway.dumpFile("in-felix"));

        Object found = chain.orElseThrow();
        String rendered = (String) found.getClass().getMethod("render").invoke(found);
        System.out.println(rendered);
        assertThat(rendered)
                .startsWith("GC root: static field " + LeakHeapBundleIT.class.getName() + ".HELD\n")
                .contains("  -> class loader 'in-felix' (java.net.URLClassLoader)\n");
    }

    private static WeakReference<ClassLoader> leak(String loaderName) {
        URLClassLoader loader = Throwaway.loader(loaderName);
        HELD.add(Throwaway.instance(loader, Throwaway.PAYLOAD));
        return Throwaway.weakly(loader);
    }
}
