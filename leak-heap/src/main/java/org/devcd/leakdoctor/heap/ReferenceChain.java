package org.devcd.leakdoctor.heap;

import java.util.ArrayList;
import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The shortest chain of strong references from a GC root to an object that should be gone: what to cut to let it go.
 * Weak, soft and phantom references and the finalizer's queue never count as holding.
 *
 * <p>Rendered, a chain reads like this:
 * <pre>
 * GC root: static field org.acme.Cache.ENTRIES (class of bundle org.acme.cache [12] rev 0)
 *   -&gt; java.util.HashMap.table
 *   -&gt; java.util.HashMap$Node[] [3]
 *   -&gt; java.util.HashMap$Node.key
 *   -&gt; org.acme.foo.Foo.class  (of bundle org.acme.foo [42] rev 0)
 *   -&gt; class loader of bundle org.acme.foo [42] rev 0
 * </pre>
 *
 * @param root where the chain starts
 * @param links the references from the root to the target, in order; empty when the root is the target itself
 * @param target the object the chain ends at, e.g. {@code class loader of bundle org.acme.foo [42] rev 0}
 * @param cost what the heap dump and its analysis cost
 */
@ProviderType
public record ReferenceChain(Root root, List<Link> links, String target, Cost cost) {

    /** Keeps its own copy of the links. */
    public ReferenceChain {
        links = List.copyOf(links);
    }

    /**
     * Returns the chain as lines joined by {@code \n}: the root, one line a link, the target unless the last link
     * already names it (a class loader reached from its class), and the cost.
     */
    public String render() {
        List<String> lines = new ArrayList<>(pathLines());
        lines.add("  (" + cost.render() + ")");
        return String.join("\n", lines);
    }

    /** @return the path alone, one line per step from the root to the target, as {@link #render()} shows it */
    public List<String> pathLines() {
        List<String> lines = new ArrayList<>();
        lines.add(root.render());
        links.forEach(link -> lines.add(link.render()));
        if (links.isEmpty() || !links.get(links.size() - 1).kind().namesWhatItReaches()) {
            lines.add("  -> " + target);
        }
        return lines;
    }
}
