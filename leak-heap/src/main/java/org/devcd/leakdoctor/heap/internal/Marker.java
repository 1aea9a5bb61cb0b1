package org.devcd.leakdoctor.heap.internal;

import java.lang.ref.WeakReference;
import java.util.HashSet;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

import kotlin.sequences.SequencesKt;
import shark.HeapGraph;
import shark.HeapObject.HeapClass;
import shark.HeapObject.HeapInstance;
import shark.HeapValue;

/**
 * Points the analysis of a heap dump at its target without holding the target strongly: a weak reference with a key of
 * its own, created just before the dump. In the dump, the marker with that key is found by its class and its
 * {@code referent} field names the target's object id (LeakCanary's {@code KeyedWeakReferenceFinder} works the same
 * way). Being weak, it adds no strong path of its own.
 *
 * <p>Keys are random: concurrent analyses, and copies of this class in other bundles (another version of this bundle)
 * or on the class path, each find their own marker. Thread-safe.
 */
public final class Marker extends WeakReference<Object> {
    private static final String KEY_FIELD = "key";

    private final long key;

    private Marker(Object referent) {
        super(referent);
        key = ThreadLocalRandom.current().nextLong();
    }

    /**
     * Returns a marker of {@code target}'s referent, or null when it was cleared. Only this method's frame holds the
     * referent strongly, and only until it returns: the caller never has it in a local variable that a heap dump would
     * show as a root.
     */
    public static Marker of(WeakReference<?> target) {
        Object referent = target.get();
        return referent == null ? null : new Marker(referent);
    }

    /** Returns the key that tells this marker apart in a heap dump. */
    public long key() {
        return key;
    }

    /**
     * Returns the object id of the referent of the marker with {@code key} in {@code graph}, or empty when the marker is
     * not there or the referent was cleared (the dump's garbage collection cleared it: it was not strongly reachable).
     */
    static OptionalLong referentIn(HeapGraph graph, long key) {
        Set<Long> markerClassIds = new HashSet<>();
        for (HeapClass heapClass : SequencesKt.asIterable(graph.getClasses())) {
            if (heapClass.getName().equals(Marker.class.getName())) {
                markerClassIds.add(heapClass.getObjectId());
            }
        }
        for (HeapInstance instance : SequencesKt.asIterable(graph.getInstances())) {
            if (markerClassIds.contains(instance.getInstanceClassId())) {
                Long markerKey = instance.readField(Marker.class.getName(), KEY_FIELD).getValue().getAsLong();
                if (markerKey != null && markerKey == key) {
                    HeapValue referent = instance.readField("java.lang.ref.Reference", "referent").getValue();
                    return referent.isNonNullReference()
                            ? OptionalLong.of(referent.getAsObjectId())
                            : OptionalLong.empty();
                }
            }
        }
        return OptionalLong.empty();
    }
}
