package org.devcd.leakdoctor.heap;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.ref.Reference;
import java.lang.ref.SoftReference;
import java.lang.ref.WeakReference;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Weak and soft references do not hold, and a cleared target has nothing to show: no chain. */
class NotStronglyHeldTest {
    /** Long-lived references to the throwaway objects: strongly held themselves, holding their referents only weakly. */
    private static final List<Reference<Object>> REFERENCES = new ArrayList<>();

    @AfterEach
    void forget() {
        REFERENCES.clear();
    }

    /**
     * Held only by a soft reference (which a collection without memory pressure keeps): the object is in the dump, yet
     * no strong path reaches it.
     */
    @Test
    void softReferenceDoesNotHold() throws Exception {
        WeakReference<ClassLoader> loader = leakThroughReferences("soft", false);
        Path dumpFile = Throwaway.dumpFile("soft-only");

        assertThat(HeapPaths.shortestPathTo(loader, dumpFile)).isEmpty();
        assertThat(loader.get()).as("still softly reachable, so it was in the dump").isNotNull();
        assertThat(dumpFile).doesNotExist();
    }

    /** Held by a weak and a soft reference: the weak one (not cleared while the soft one holds) does not hold either. */
    @Test
    void weakReferenceDoesNotHold() throws Exception {
        WeakReference<ClassLoader> loader = leakThroughReferences("weak-and-soft", true);

        assertThat(HeapPaths.shortestPathTo(loader, Throwaway.dumpFile("weak-and-soft"))).isEmpty();
        assertThat(loader.get()).as("still softly reachable, so it was in the dump").isNotNull();
    }

    /** A cleared target: empty, and no dump is written at all. */
    @Test
    void clearedTargetHasNoChain() throws Exception {
        WeakReference<Object> target = new WeakReference<>(new Object());
        target.clear();
        Path dumpFile = Throwaway.dumpFile("cleared");

        assertThat(HeapPaths.shortestPathTo(target, dumpFile, true)).isEmpty();
        assertThat(dumpFile).doesNotExist();
    }

    private static WeakReference<ClassLoader> leakThroughReferences(String loaderName, boolean alsoWeakly) {
        URLClassLoader loader = Throwaway.loader(loaderName);
        Object payload = Throwaway.instance(loader, Throwaway.PAYLOAD);
        if (alsoWeakly) {
            REFERENCES.add(new WeakReference<>(payload));
        }
        REFERENCES.add(new SoftReference<>(payload));
        return Throwaway.weakly(loader);
    }
}
