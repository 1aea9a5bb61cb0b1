package org.devcd.leakdoctor.heap.internal;

import java.nio.ByteBuffer;
import java.util.List;

import kotlin.sequences.SequencesKt;
import shark.HeapField;
import shark.HeapGraph;
import shark.HeapObject;
import shark.HeapObject.HeapClass;
import shark.HeapObject.HeapInstance;
import shark.HeapObject.HeapObjectArray;
import shark.HprofRecord.HeapDumpRecord.ObjectRecord.ClassDumpRecord;
import shark.ValueHolder;

/**
 * The strong references an object of a heap dump holds, always in the same order, so that the search and the chain it
 * finds agree on which reference led where.
 *
 * <p>Beyond the fields and array elements Shark's own path finder follows, it follows what a HotSpot dump keeps outside
 * fields: every instance and object array holds its class, and every class holds its class loader, superclass,
 * protection domain and signers. Without them no chain could reach a class loader from the objects of its classes.
 * {@code java.lang.ref.Reference.referent} is never followed (see {@link FieldLayouts}): weak, soft and phantom
 * references, and the finalizer's queue (its entries are references too), do not hold their referents.
 *
 * <p>Not thread-safe; one graph per instance.
 */
final class HeapReferences {
    /** Receives one strong reference. */
    interface Visitor {
        /**
         * One reference to the object {@code targetId}.
         *
         * @param kind what kind of reference it is
         * @param owner the class declaring the field, the array's class, or the class whose class, superclass, loader,
         *        protection domain or signers are referenced
         * @param name the field's name, or null for a reference that has none
         * @param index the array index, or -1 for a reference that is not an array element
         * @param targetId the object id of the referenced object
         */
        void reference(ReferenceKind kind, HeapClass owner, String name, int index, long targetId);
    }

    private final FieldLayouts layouts;

    HeapReferences(HeapGraph graph) {
        layouts = new FieldLayouts(graph);
    }

    /** Passes every strong reference {@code object} holds to {@code visitor}, in the same order every time. */
    void visit(HeapObject object, Visitor visitor) {
        if (object instanceof HeapInstance instance) {
            visitInstance(instance, visitor);
        } else if (object instanceof HeapClass heapClass) {
            visitClass(heapClass, visitor);
        } else if (object instanceof HeapObjectArray array) {
            visitArray(array, visitor);
        }
        // A primitive array holds no references.
    }

    private void visitInstance(HeapInstance instance, Visitor visitor) {
        HeapClass instanceClass = instance.getInstanceClass();
        visitor.reference(ReferenceKind.CLASS, instanceClass, null, -1, instanceClass.getObjectId());
        List<FieldLayouts.ReferenceField> fields = layouts.of(instanceClass);
        if (fields.isEmpty()) {
            return;
        }
        ByteBuffer values = ByteBuffer.wrap(instance.readRecord().getFieldValues());
        for (FieldLayouts.ReferenceField field : fields) {
            long targetId = layouts.read(values, field);
            if (targetId != ValueHolder.NULL_REFERENCE) {
                visitor.reference(ReferenceKind.FIELD, field.declaringClass(), field.name(), -1, targetId);
            }
        }
    }

    private static void visitClass(HeapClass heapClass, Visitor visitor) {
        ClassDumpRecord record = heapClass.readRecord();
        // The loader first: when a class reaches its loader both directly and through a static field, the chain names
        // the class's own loader.
        visitNonNull(ReferenceKind.CLASS_LOADER, heapClass, record.getClassLoaderId(), visitor);
        visitNonNull(ReferenceKind.SUPERCLASS, heapClass, record.getSuperclassId(), visitor);
        visitNonNull(ReferenceKind.PROTECTION_DOMAIN, heapClass, record.getProtectionDomainId(), visitor);
        visitNonNull(ReferenceKind.SIGNERS, heapClass, record.getSignersId(), visitor);
        for (HeapField field : SequencesKt.asIterable(heapClass.readStaticFields())) {
            if (field.getValue().isNonNullReference()) {
                visitor.reference(ReferenceKind.STATIC_FIELD, heapClass, field.getName(), -1,
                        field.getValue().getAsObjectId());
            }
        }
    }

    private static void visitNonNull(ReferenceKind kind, HeapClass owner, long targetId, Visitor visitor) {
        if (targetId != ValueHolder.NULL_REFERENCE) {
            visitor.reference(kind, owner, null, -1, targetId);
        }
    }

    private static void visitArray(HeapObjectArray array, Visitor visitor) {
        HeapClass arrayClass = array.getArrayClass();
        visitor.reference(ReferenceKind.CLASS, arrayClass, null, -1, arrayClass.getObjectId());
        long[] elements = array.readRecord().getElementIds();
        for (int i = 0; i < elements.length; i++) {
            if (elements[i] != ValueHolder.NULL_REFERENCE) {
                visitor.reference(ReferenceKind.ARRAY_ELEMENT, arrayClass, null, i, elements[i]);
            }
        }
    }
}
