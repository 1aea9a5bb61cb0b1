package org.devcd.leakdoctor.internal;

import java.io.IOException;
import java.lang.ref.WeakReference;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.devcd.leakdoctor.heap.HeapPaths;
import org.devcd.leakdoctor.heap.ReferenceChain;

/**
 * The only class of the leak doctor that links to the heap path's bundle ({@code org.devcd.leakdoctor.heap}, imported
 * optionally): where that bundle is missing, calling {@link #find} throws {@link NoClassDefFoundError}, which
 * {@link org.devcd.leakdoctor.LeakDoctor} turns into a sentence.
 */
public final class HeapPathStep {
    /** What the heap path found: the chain's lines (empty if none) and one sentence on it. */
    public record Found(List<String> chain, String summary) {
    }

    private HeapPathStep() {
    }

    public static Found find(WeakReference<?> loader, Path dumpFile) throws IOException {
        Optional<ReferenceChain> chain = HeapPaths.shortestPathTo(loader, dumpFile);
        if (chain.isEmpty()) {
            return new Found(List.of(), "a heap dump was taken, but it shows no strong path to the class loader: it "
                    + "was collected meanwhile, or it is held only through weak, soft or phantom references, or through "
                    + "a reference heap dumps leave out (a value a ClassValue computed for a class lives on that "
                    + "java.lang.Class object, whose own fields HPROF does not record)" + SoftReferencePolicy.hint());
        }
        return new Found(chain.get().pathLines(), chain.get().cost().render());
    }
}
