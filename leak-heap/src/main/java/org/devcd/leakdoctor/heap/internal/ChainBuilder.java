package org.devcd.leakdoctor.heap.internal;

import java.util.ArrayList;
import java.util.List;

import org.devcd.leakdoctor.heap.Link;
import org.devcd.leakdoctor.heap.Link.Kind;
import org.devcd.leakdoctor.heap.Root;
import shark.HeapGraph;
import shark.HeapObject;
import shark.HeapObject.HeapClass;
import shark.HeapObject.HeapInstance;

/**
 * Turns a path the search found into the root, links and target a reader sees.
 *
 * <p>Static fields are not GC roots in a HotSpot dump: a path to a static field runs from whatever holds the class (its
 * loader, through the loader's list of classes, or anything else) to the class. What comes before the class says nothing
 * about the target: a class and its defining loader hold each other and so live exactly as long as each other, and the
 * path reached the class without passing the target, so the class outlives the target on its own. The chain therefore
 * starts at the last static field on the path, the one nearest the target, and names the class's loader; whether that
 * loader should still be alive is a question about its own bundle.
 *
 * <p>Not thread-safe; one graph per instance.
 */
final class ChainBuilder {
    private final RootNames rootNames;
    private final HeapReferences references;

    ChainBuilder(HeapGraph graph, HeapReferences references) {
        rootNames = new RootNames(graph);
        this.references = references;
    }

    /** Returns the chain of {@code path}. */
    ChainParts describe(FoundPath path) {
        List<HeapObject> objects = path.objects();
        List<Step> steps = new ArrayList<>();
        for (int i = 0; i + 1 < objects.size(); i++) {
            steps.add(stepBetween(objects.get(i), objects.get(i + 1)));
        }
        int start = lastStaticField(steps);
        Root root = start < 0
                ? rootNames.name(path.root(), objects.get(0))
                : staticFieldRoot(steps.get(start));
        List<Link> links = new ArrayList<>();
        for (int i = start + 1; i < steps.size(); i++) {
            links.add(steps.get(i).link(objects.get(i + 1)));
        }
        return new ChainParts(root, links, ObjectNames.describe(objects.get(objects.size() - 1)));
    }

    private static int lastStaticField(List<Step> steps) {
        for (int i = steps.size() - 1; i >= 0; i--) {
            if (steps.get(i).kind() == ReferenceKind.STATIC_FIELD) {
                return i;
            }
        }
        return -1;
    }

    private static Root staticFieldRoot(Step step) {
        String definer = LoaderNames.definerOf(step.owner()).map(name -> " (class of " + name + ")").orElse("");
        return new Root(Root.Kind.STATIC_FIELD, "static field " + step.owner().getName() + "." + step.name() + definer);
    }

    /** Returns the first reference from {@code from} to {@code to}: the one the search took. */
    private Step stepBetween(HeapObject from, HeapObject to) {
        List<Step> found = new ArrayList<>(1);
        references.visit(from, (kind, owner, name, index, targetId) -> {
            if (found.isEmpty() && targetId == to.getObjectId()) {
                found.add(new Step(kind, owner, name, index));
            }
        });
        return found.get(0);
    }

    /** One reference of the path, as {@link HeapReferences} names it. */
    private record Step(ReferenceKind kind, HeapClass owner, String name, int index) {

        /** Returns this reference as a link; never called for a static field, where the chain starts. */
        Link link(HeapObject reached) {
            return switch (kind) {
                case FIELD -> new Link(Kind.FIELD, ObjectNames.member(owner, "." + name));
                case ARRAY_ELEMENT -> new Link(Kind.ARRAY_ELEMENT, ObjectNames.member(owner, " [" + index + "]"));
                case CLASS -> new Link(Kind.CLASS, ObjectNames.ofClass((HeapClass) reached));
                case SUPERCLASS -> new Link(Kind.SUPERCLASS, "superclass " + ObjectNames.ofClass((HeapClass) reached));
                case CLASS_LOADER -> new Link(Kind.CLASS_LOADER, LoaderNames.describe((HeapInstance) reached));
                case PROTECTION_DOMAIN -> new Link(Kind.PROTECTION_DOMAIN, "protection domain of " + owner.getName());
                case SIGNERS -> new Link(Kind.SIGNERS, "signers of " + owner.getName());
                case STATIC_FIELD -> throw new IllegalStateException("a static field starts the chain: " + name);
            };
        }
    }
}
