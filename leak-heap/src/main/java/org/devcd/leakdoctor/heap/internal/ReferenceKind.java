package org.devcd.leakdoctor.heap.internal;

/**
 * The kinds of strong references {@link HeapReferences} follows: what a HotSpot heap dump records in fields and array
 * elements, and what it records for a class outside them.
 */
enum ReferenceKind {
    /** An instance field. */
    FIELD,
    /** A static field, or a reference HotSpot records like one (a class's resolved constants, its init lock). */
    STATIC_FIELD,
    /** An element of an object array. */
    ARRAY_ELEMENT,
    /** An instance's or array's class. */
    CLASS,
    /** A class's superclass. */
    SUPERCLASS,
    /** A class's defining class loader. */
    CLASS_LOADER,
    /** A class's protection domain. */
    PROTECTION_DOMAIN,
    /** A class's signers. */
    SIGNERS
}
