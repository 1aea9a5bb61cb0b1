package org.devcd.leakdoctor.heap.internal;

import java.util.List;

import shark.GcRoot;
import shark.HeapObject;

/**
 * A shortest strong path as the search found it: the GC root and the objects from the root's object to the target.
 *
 * @param root the GC root the path starts at
 * @param objects the objects on the path, the root's object first and the target last (one object when the root is the
 *        target)
 */
record FoundPath(GcRoot root, List<HeapObject> objects) {
    FoundPath {
        objects = List.copyOf(objects);
    }
}
