package org.devcd.leakdoctor.heap;

import java.io.IOException;
import java.lang.ref.Reference;
import java.lang.ref.WeakReference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

import org.devcd.leakdoctor.heap.internal.ChainParts;
import org.devcd.leakdoctor.heap.internal.DumpAnalysis;
import org.devcd.leakdoctor.heap.internal.HeapDumper;
import org.devcd.leakdoctor.heap.internal.Marker;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Says exactly what holds an object that should be gone: dumps this JVM's heap and finds the shortest strong
 * {@link ReferenceChain} from a GC root to the object. Typical target: the class loader of a bundle that was uninstalled
 * and refreshed, which the caller holds only weakly.
 *
 * <p>The target is held strongly only while a weak marker of it is made, never during the dump (a local variable of
 * this method would otherwise be the root of the chain). Weak, soft and phantom references and the finalizer's queue do
 * not hold: an object reachable only through them has no chain.
 *
 * <p>Cost: the dump is as large as the live heap and stops all threads while it is written; reading it takes memory in
 * proportion to its number of objects. {@link ReferenceChain#cost()} reports both times and the size.
 *
 * <p>Thread-safe: concurrent calls each dump and read their own file.
 */
@ProviderType
public final class HeapPaths {
    private static final String SUFFIX = ".hprof";

    private HeapPaths() {
    }

    /**
     * Same as {@link #shortestPathTo(WeakReference, Path, boolean)} with {@code keepDumpFile} false: the dump is deleted
     * afterwards.
     */
    public static Optional<ReferenceChain> shortestPathTo(WeakReference<?> target, Path dumpFile) throws IOException {
        return shortestPathTo(target, dumpFile, false);
    }

    /**
     * Dumps the live objects of this JVM's heap to {@code dumpFile} and returns the shortest strong chain from a GC root
     * to the object {@code target} refers to.
     *
     * @param target a weak reference to the object that should be gone; it is not cleared or changed
     * @param dumpFile where to write the heap dump: a file name ending in {@code .hprof} where no file is yet
     * @param keepDumpFile true to leave the dump at {@code dumpFile} for a heap analyser; false to delete it before this
     *        method returns or throws
     * @return the chain; empty when {@code target} was cleared, before the dump or by the garbage collection that
     *         precedes it, or when no strong path reaches the object (held only through weak, soft or phantom references,
     *         or waiting for finalization)
     * @throws IOException if the dump cannot be written or read
     * @throws IllegalArgumentException if {@code dumpFile} does not end in {@code .hprof} or already exists
     */
    public static Optional<ReferenceChain> shortestPathTo(WeakReference<?> target, Path dumpFile, boolean keepDumpFile)
            throws IOException {
        Objects.requireNonNull(target, "target");
        checkDumpFile(dumpFile);
        Marker marker = Marker.of(target);
        if (marker == null) {
            return Optional.empty();
        }
        try {
            long dumpStart = System.nanoTime();
            HeapDumper.dumpLiveObjects(dumpFile);
            Duration dumpTime = Duration.ofNanos(System.nanoTime() - dumpStart);
            // The marker must be in the dump: keep it alive until the dump is written.
            Reference.reachabilityFence(marker);
            long dumpBytes = Files.size(dumpFile);
            long analysisStart = System.nanoTime();
            Optional<ChainParts> chain = DumpAnalysis.shortestChain(dumpFile, marker.key());
            Cost cost = new Cost(dumpBytes, dumpTime, Duration.ofNanos(System.nanoTime() - analysisStart));
            return chain.map(parts -> new ReferenceChain(parts.root(), parts.links(), parts.target(), cost));
        } finally {
            if (!keepDumpFile) {
                Files.deleteIfExists(dumpFile);
            }
        }
    }

    private static void checkDumpFile(Path dumpFile) {
        Objects.requireNonNull(dumpFile, "dumpFile");
        if (!dumpFile.getFileName().toString().endsWith(SUFFIX)) {
            throw new IllegalArgumentException("dumpFile: " + dumpFile + " (expected: a name ending in " + SUFFIX + ")");
        }
        if (Files.exists(dumpFile)) {
            throw new IllegalArgumentException("dumpFile: " + dumpFile + " (expected: no file there yet)");
        }
    }
}
