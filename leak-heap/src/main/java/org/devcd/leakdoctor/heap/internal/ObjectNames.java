package org.devcd.leakdoctor.heap.internal;

import shark.HeapObject;
import shark.HeapObject.HeapClass;
import shark.HeapObject.HeapInstance;
import shark.HeapObject.HeapObjectArray;
import shark.HeapObject.HeapPrimitiveArray;

/**
 * Names objects of a heap dump in a chain: classes with the bundle or class loader that defined them, class loaders by
 * {@link LoaderNames}, other objects by class and object id. Stateless and thread-safe.
 */
final class ObjectNames {
    private ObjectNames() {
    }

    /** Returns {@code object} as the target of a chain or in a root. */
    static String describe(HeapObject object) {
        if (object instanceof HeapClass heapClass) {
            return ofClass(heapClass);
        }
        if (object instanceof HeapInstance instance) {
            return LoaderNames.isLoader(instance)
                    ? LoaderNames.describe(instance)
                    : withId(instance.getInstanceClassName(), object) + definer(instance.getInstanceClass());
        }
        if (object instanceof HeapObjectArray array) {
            return withId(array.getArrayClassName(), object) + definer(array.getArrayClass());
        }
        return withId(((HeapPrimitiveArray) object).getArrayClassName(), object);
    }

    /** Returns a class as a link or target: {@code org.acme.foo.Foo.class  (of bundle org.acme.foo [42] rev 0)}. */
    static String ofClass(HeapClass heapClass) {
        return heapClass.getName() + ".class" + definer(heapClass);
    }

    /** Returns the name of a member of {@code owner}: {@code org.acme.Foo.items  (of bundle org.acme.foo [42] rev 0)}. */
    static String member(HeapClass owner, String member) {
        return owner.getName() + member + definer(owner);
    }

    /** Returns {@code "  (of <definer>)"}, or nothing for a class of the JDK's own loaders. */
    static String definer(HeapClass heapClass) {
        return LoaderNames.definerOf(heapClass).map(definer -> "  (of " + definer + ")").orElse("");
    }

    private static String withId(String className, HeapObject object) {
        return className + " @" + Long.toHexString(object.getPositiveObjectId());
    }
}
