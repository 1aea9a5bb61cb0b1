package org.devcd.leakdoctor.heap.internal;

import java.util.List;

import org.devcd.leakdoctor.heap.Link;
import org.devcd.leakdoctor.heap.Root;

/**
 * A chain as found in a dump, before its cost is known: {@link org.devcd.leakdoctor.heap.HeapPaths} adds the cost.
 *
 * @param root where the chain starts
 * @param links the references from the root to the target
 * @param target the target, named
 */
public record ChainParts(Root root, List<Link> links, String target) {
    public ChainParts {
        links = List.copyOf(links);
    }
}
