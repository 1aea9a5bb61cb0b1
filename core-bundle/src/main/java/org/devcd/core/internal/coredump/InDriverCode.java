package org.devcd.core.internal.coredump;

import java.util.ArrayList;
import java.util.List;

/**
 * The dumps whose driver code (their source's {@code read()} or {@code free()}) the current thread is inside. A driver
 * may call back into devcd from there (dismiss or put the dump it is reading, disable from its {@code free()}); such a
 * call must not wait for the caller itself to leave, which it never would before the wait ran out. The delete paths
 * ask {@link #holds} and hand that dump's end to the caller's own way out instead (see {@link Dump#finishWhenDrained}).
 *
 * <p>A plain {@link ThreadLocal} whose value is removed when the thread leaves the outermost call: an admin's or a
 * driver's thread keeps nothing of this bundle once it is out (the leak doctor would rightly name a thread-local value
 * left behind).
 */
final class InDriverCode {
    private static final ThreadLocal<List<Dump>> INSIDE = new ThreadLocal<>();

    private InDriverCode() {
    }

    /** The current thread enters driver code of {@code dump}; pair with {@link #exit} in a {@code finally}. */
    static void enter(Dump dump) {
        List<Dump> inside = INSIDE.get();
        if (inside == null) {
            inside = new ArrayList<>(2);
            INSIDE.set(inside);
        }
        inside.add(dump);
    }

    /** The current thread leaves the driver code it entered last. */
    static void exit() {
        List<Dump> inside = INSIDE.get();
        inside.remove(inside.size() - 1);
        if (inside.isEmpty()) {
            INSIDE.remove();
        }
    }

    /** @return whether the current thread is inside driver code of {@code dump}, at any depth */
    static boolean holds(Dump dump) {
        List<Dump> inside = INSIDE.get();
        return inside != null && inside.contains(dump);
    }
}
