package org.devcd.leakdoctor.heap;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Where a {@link ReferenceChain} starts: a GC root of the heap dump, or the static field of a class that lives as long
 * as its class loader does.
 *
 * <p>Static fields are not GC roots in a HotSpot heap dump: the path that really reaches one runs from whatever holds
 * the class (its class loader, through the loader's list of classes, or anything else) to the class. That prefix says
 * nothing about the target: a class and its loader hold each other, so they live as long as each other, and the path
 * reached the class without passing the target. So the chain starts at the static field and names the class's loader.
 *
 * @param kind what kind of root it is
 * @param text the root as a reader needs it, e.g. {@code thread "leaky-worker" (thread object)} or
 *        {@code static field org.acme.Cache.ENTRIES (class of bundle org.acme.cache [12] rev 0)}
 */
@ProviderType
public record Root(Kind kind, String text) {

    /** The kinds of roots a chain starts at. */
    @ProviderType
    public enum Kind {
        /** A static field of a class; the class lives as long as its class loader. */
        STATIC_FIELD,
        /** A live thread, named by its name. */
        THREAD,
        /** A local variable or operand in a frame of a live thread's stack, named by the thread. */
        JAVA_FRAME,
        /** A JNI global reference held by native code. */
        JNI_GLOBAL,
        /** A JNI local reference in a native frame, named by the thread. */
        JNI_LOCAL,
        /** A class of the boot class loader, never unloaded. */
        SYSTEM_CLASS,
        /** An object whose monitor is held. */
        MONITOR,
        /** Any other kind of GC root the dump names. */
        OTHER
    }

    /** Returns the first line of a rendered chain: {@code GC root: } and the text. */
    public String render() {
        return "GC root: " + text;
    }
}
