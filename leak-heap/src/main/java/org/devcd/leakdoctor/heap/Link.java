package org.devcd.leakdoctor.heap;

import org.osgi.annotation.versioning.ProviderType;

/**
 * One strong reference of a {@link ReferenceChain}, from the object before it to the next.
 *
 * @param kind what kind of reference it is
 * @param text the reference as a reader needs it: for a field the declaring class and the field
 *        ({@code java.util.HashMap$Node.key}), for an array element the array class and the index
 *        ({@code java.lang.Object[] [3]}), and for the references an object holds without a field (its class, a class's
 *        superclass and class loader) the object it reaches ({@code org.acme.foo.Foo.class  (of bundle org.acme.foo [42]
 *        rev 0)}, {@code class loader of bundle org.acme.foo [42] rev 0}); a class is followed by the bundle or named
 *        class loader that defined it, unless that is the JDK's own
 */
@ProviderType
public record Link(Kind kind, String text) {

    /** The kinds of strong references a chain is made of. */
    @ProviderType
    public enum Kind {
        /** An instance field. */
        FIELD,
        /** An element of an object array. */
        ARRAY_ELEMENT,
        /** An object's class (every instance holds its class, and so its class loader). */
        CLASS,
        /** A class's superclass. */
        SUPERCLASS,
        /** A class's defining class loader. */
        CLASS_LOADER,
        /** A class's protection domain. */
        PROTECTION_DOMAIN,
        /** A class's signers. */
        SIGNERS;

        /** Returns whether a link of this kind is rendered as the object it reaches rather than as a reference. */
        public boolean namesWhatItReaches() {
            return this == CLASS || this == SUPERCLASS || this == CLASS_LOADER;
        }
    }

    /** Returns the line of a rendered chain for this link: {@code   -> } and the text. */
    public String render() {
        return "  -> " + text;
    }
}
