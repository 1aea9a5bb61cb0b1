package org.devcd.leakdoctor.heap.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalLong;

import shark.CloseableHeapGraph;
import shark.HprofHeapGraph;
import shark.HprofIndex;

/**
 * Reads a heap dump with Shark and finds the chain to the object a {@link Marker} points at. Stateless and
 * thread-safe; each call reads its own dump.
 */
public final class DumpAnalysis {
    private DumpAnalysis() {
    }

    /**
     * Returns the shortest strong chain from a GC root to the referent of the marker with {@code markerKey} in
     * {@code dump}, or empty when the referent was cleared (the dump's collection found it not strongly reachable) or no
     * strong path reaches it (it is held only through weak, soft or phantom references or finalization).
     *
     * @throws IOException if the dump cannot be read
     */
    public static Optional<ChainParts> shortestChain(Path dump, long markerKey) throws IOException {
        try (CloseableHeapGraph graph = HprofHeapGraph.Companion.openHeapGraph(dump.toFile(), null,
                HprofIndex.Companion.defaultIndexedGcRootTags())) {
            OptionalLong target = Marker.referentIn(graph, markerKey);
            if (target.isEmpty()) {
                return Optional.empty();
            }
            HeapReferences references = new HeapReferences(graph);
            return new PathSearch(graph, references).shortestPathTo(target.getAsLong())
                    .map(new ChainBuilder(graph, references)::describe);
        }
    }
}
