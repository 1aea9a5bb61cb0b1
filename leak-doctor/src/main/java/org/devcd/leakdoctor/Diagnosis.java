package org.devcd.leakdoctor;

import java.util.List;
import java.util.Objects;

import org.osgi.annotation.versioning.ProviderType;

/**
 * What holds a class loader that should have been collected: what the live JVM shows without a heap dump (the
 * culprits), then the shortest strong reference chain from a GC root, as text, and what finding it cost.
 *
 * @param revision what the loader belonged to, e.g. {@code org.acme.foo [42] rev 0}
 * @param culprits what {@link Attribution#of} found, in its order; may be empty (the heap path then is the answer)
 * @param chain    the reference chain, one line per step from the GC root to the loader; empty if none was found
 * @param heapPath one sentence on the heap path: what it cost, or why it did not run or found nothing
 */
@ProviderType
public record Diagnosis(String revision, List<Culprit> culprits, List<String> chain, String heapPath) {

    public Diagnosis {
        Objects.requireNonNull(revision, "revision");
        culprits = List.copyOf(culprits);
        chain = List.copyOf(chain);
        Objects.requireNonNull(heapPath, "heapPath");
    }

    /** @return the diagnosis for a person: the revision, each culprit, the chain, the heap path's cost; ends with a newline */
    public String render() {
        StringBuilder text = new StringBuilder("Why ").append(revision).append(" is still in memory:\n");
        if (culprits.isEmpty()) {
            text.append("  live threads and registrations: nothing of it\n");
        }
        for (Culprit culprit : culprits) {
            text.append("  ").append(culprit).append('\n');
        }
        if (!chain.isEmpty()) {
            text.append("  shortest strong reference chain from a GC root:\n");
            for (String line : chain) {
                text.append("    ").append(line).append('\n');
            }
        }
        return text.append("  heap path: ").append(heapPath).append('\n').toString();
    }

    @Override
    public String toString() {
        return render();
    }
}
