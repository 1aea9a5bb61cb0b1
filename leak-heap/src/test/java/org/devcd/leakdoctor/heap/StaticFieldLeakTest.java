package org.devcd.leakdoctor.heap;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.ref.WeakReference;
import java.net.URLClassLoader;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

import org.devcd.leakdoctor.heap.Link.Kind;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A class loader held through a static field of a long-lived class: the chain starts at that field and ends at the
 * loader, through the object of one of its classes.
 */
class StaticFieldLeakTest {
    private static final Map<Object, Object> CACHE = new HashMap<>();
    private static final Object[] SLOTS = new Object[8];

    @AfterEach
    void forget() {
        CACHE.clear();
        Arrays.fill(SLOTS, null);
    }

    /** A map in a static field keeps an instance of a throwaway class: the root names the field. */
    @Test
    void namesTheStaticFieldThatHoldsTheLoader() throws Exception {
        WeakReference<ClassLoader> loader = leakIntoCache("cached");

        ReferenceChain chain = HeapPaths.shortestPathTo(loader, Throwaway.dumpFile("static-field")).orElseThrow();

        assertThat(chain.root()).isEqualTo(new Root(Root.Kind.STATIC_FIELD,
                "static field " + StaticFieldLeakTest.class.getName() + ".CACHE"));
        assertThat(chain.links()).extracting(Link::kind).containsSubsequence(Kind.FIELD, Kind.CLASS, Kind.CLASS_LOADER);
        assertThat(chain.links()).last().isEqualTo(
                new Link(Kind.CLASS_LOADER, "class loader 'cached' (java.net.URLClassLoader)"));
        assertThat(chain.render())
                .contains("  -> throwaway.Payload.class  (of class loader 'cached' (java.net.URLClassLoader))\n"
                        + "  -> class loader 'cached' (java.net.URLClassLoader)\n");
    }

    /** An array on the way shows the index of the element that holds on. */
    @Test
    void showsTheIndexOfTheArrayElement() throws Exception {
        WeakReference<ClassLoader> loader = leakIntoSlot("slotted", 5);

        ReferenceChain chain = HeapPaths.shortestPathTo(loader, Throwaway.dumpFile("array-element")).orElseThrow();

        assertThat(chain.root().text()).isEqualTo("static field " + StaticFieldLeakTest.class.getName() + ".SLOTS");
        assertThat(chain.links()).containsExactly(
                new Link(Kind.ARRAY_ELEMENT, "java.lang.Object[] [5]"),
                new Link(Kind.CLASS, "throwaway.Payload.class  (of class loader 'slotted' (java.net.URLClassLoader))"),
                new Link(Kind.CLASS_LOADER, "class loader 'slotted' (java.net.URLClassLoader)"));
    }

    private static WeakReference<ClassLoader> leakIntoCache(String loaderName) {
        URLClassLoader loader = Throwaway.loader(loaderName);
        CACHE.put("payload", Throwaway.instance(loader, Throwaway.PAYLOAD));
        return Throwaway.weakly(loader);
    }

    private static WeakReference<ClassLoader> leakIntoSlot(String loaderName, int slot) {
        URLClassLoader loader = Throwaway.loader(loaderName);
        SLOTS[slot] = Throwaway.instance(loader, Throwaway.PAYLOAD);
        return Throwaway.weakly(loader);
    }
}
