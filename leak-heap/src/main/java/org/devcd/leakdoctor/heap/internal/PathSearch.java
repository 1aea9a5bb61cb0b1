package org.devcd.leakdoctor.heap.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import kotlin.sequences.SequencesKt;
import shark.GcRoot;
import shark.HeapGraph;
import shark.HeapObject;
import shark.HeapObject.HeapClass;
import shark.HeapObject.HeapPrimitiveArray;

/**
 * Breadth-first search from all GC roots of a heap dump for the shortest strong path to one object, over the references
 * {@link HeapReferences} names.
 *
 * <p>All roots start at distance zero and the target is taken the first time a reference to it is seen, so the path
 * found is a shortest one. Among roots the search prefers, in order, thread objects (a reader recognises a thread's
 * name), then other roots, then stack frames and JNI locals (whose method the dump does not name).
 *
 * <p>Objects are tracked by Shark's object index, which 2.14 computes right for classes, instances and object arrays
 * only; primitive arrays hold no references, so the search never needs theirs. Memory: an {@code int}, an {@code int}
 * and a {@code long} array as long as the dump has such objects, and a map of the classes. Not thread-safe; one
 * search per instance.
 */
final class PathSearch {
    private static final int UNSEEN = -2;
    private static final int ROOT = -1;

    private final HeapGraph graph;
    private final HeapReferences references;
    /** By object index: the index of the object it was first reached from, ROOT, or UNSEEN. */
    private final int[] reachedFrom;
    /** By object index: its object id, once reached. */
    private final long[] objectIds;
    private final int[] queue;
    /** The object indexes of all classes by object id: every instance refers to its class, and Shark's lookup is slow. */
    private final Map<Long, Integer> classIndexesById = new HashMap<>();
    private final Map<Integer, GcRoot> rootsByIndex = new HashMap<>();
    private int head;
    private int tail;
    private long targetId;
    private int targetReachedFrom = UNSEEN;

    PathSearch(HeapGraph graph, HeapReferences references) {
        this.graph = graph;
        this.references = references;
        int tracked = graph.getClassCount() + graph.getInstanceCount() + graph.getObjectArrayCount();
        reachedFrom = new int[tracked];
        objectIds = new long[tracked];
        queue = new int[tracked];
        Arrays.fill(reachedFrom, UNSEEN);
        for (HeapClass heapClass : SequencesKt.asIterable(graph.getClasses())) {
            classIndexesById.put(heapClass.getObjectId(), heapClass.getObjectIndex());
        }
    }

    /** Returns the shortest strong path from a GC root to the object {@code targetId}, or empty if there is none. */
    Optional<FoundPath> shortestPathTo(long targetId) {
        this.targetId = targetId;
        List<GcRoot> roots = new ArrayList<>(graph.getGcRoots());
        roots.sort(Comparator.comparingInt(PathSearch::preference));
        for (GcRoot root : roots) {
            if (root.getId() == targetId) {
                return Optional.of(new FoundPath(root, List.of(graph.findObjectById(targetId))));
            }
            int index = enqueue(root.getId(), ROOT);
            if (index >= 0) {
                rootsByIndex.put(index, root);
            }
        }
        while (head < tail && targetReachedFrom == UNSEEN) {
            int current = queue[head++];
            references.visit(graph.findObjectById(objectIds[current]),
                    (kind, owner, name, index, referencedId) -> enqueue(referencedId, current));
        }
        return targetReachedFrom == UNSEEN ? Optional.empty() : Optional.of(pathFrom(targetReachedFrom));
    }

    private static int preference(GcRoot root) {
        if (root instanceof GcRoot.ThreadObject) {
            return 0;
        }
        return root instanceof GcRoot.JavaFrame || root instanceof GcRoot.JniLocal ? 2 : 1;
    }

    /** Notes that {@code objectId} is reached from index {@code from}; returns its index if it was newly queued. */
    private int enqueue(long objectId, int from) {
        if (objectId == targetId) {
            if (targetReachedFrom == UNSEEN) {
                targetReachedFrom = from;
            }
            return -1;
        }
        Integer classIndex = classIndexesById.get(objectId);
        int index;
        if (classIndex != null) {
            index = classIndex;
        } else {
            // A HotSpot dump can name ids it holds no object for; they lead nowhere, and neither do primitive arrays.
            HeapObject object = graph.findObjectByIdOrNull(objectId);
            if (object == null || object instanceof HeapPrimitiveArray) {
                return -1;
            }
            index = object.getObjectIndex();
        }
        if (reachedFrom[index] != UNSEEN) {
            return -1;
        }
        reachedFrom[index] = from;
        objectIds[index] = objectId;
        queue[tail++] = index;
        return index;
    }

    private FoundPath pathFrom(int lastBeforeTarget) {
        List<HeapObject> objects = new ArrayList<>();
        objects.add(graph.findObjectById(targetId));
        int index = lastBeforeTarget;
        objects.add(graph.findObjectById(objectIds[index]));
        while (reachedFrom[index] != ROOT) {
            index = reachedFrom[index];
            objects.add(graph.findObjectById(objectIds[index]));
        }
        Collections.reverse(objects);
        return new FoundPath(rootsByIndex.get(index), objects);
    }
}
