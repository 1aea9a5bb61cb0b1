package org.devcd.leakdoctor.internal;

/**
 * What "belongs to the loader" means, and how a belonging object is named. An object belongs when it is the loader, a
 * class the loader defined, or an instance of such a class (arrays by their element class). Only "defined by", never
 * "visible to": a loader's parent's classes do not pin it.
 *
 * <p>Holds the loader for the length of one inspection; nothing keeps an {@code Ownership} afterwards.
 */
public final class Ownership {
    private final ClassLoader loader;

    /** @param loader the inspected loader, not null */
    public Ownership(ClassLoader loader) {
        this.loader = loader;
    }

    /** Whether {@code object} is the loader, a class it defined, or an instance of one. */
    boolean owns(Object object) {
        if (object == null) {
            return false;
        }
        if (object == loader) {
            return true;
        }
        return defines(object instanceof Class<?> type ? type : object.getClass());
    }

    /** Whether the loader defined {@code type}. */
    boolean defines(Class<?> type) {
        return type.getClassLoader() == loader;
    }

    /**
     * Whether the loader defined a class called {@code className}. Asks the JVM ({@code Class.forName} without
     * initialization): a class the loader already defined comes from the JVM's own table of that loader, without
     * running any of its code; any other name is delegated to the loader, which for an uninstalled bundle fails, and
     * a failure means "not defined by it".
     */
    boolean definesClassNamed(String className) {
        try {
            return defines(Class.forName(className, false, loader));
        } catch (ClassNotFoundException | LinkageError | RuntimeException notItsClass) {
            return false;
        }
    }

    /**
     * How a person reads an object that {@linkplain #owns belongs}: {@code the bundle's class loader}, {@code class
     * org.acme.Worker of the bundle}, or {@code org.acme.Worker of the bundle} for an instance.
     */
    String name(Object object) {
        if (object == loader) {
            return "the bundle's class loader";
        }
        if (object instanceof Class<?> type) {
            return "class " + type.getName() + " of the bundle";
        }
        return object.getClass().getName() + " of the bundle";
    }

    /** {@link #name} of an object that belongs; the class name of one that does not; {@code null} for null. */
    String describe(Object object) {
        if (owns(object)) {
            return name(object);
        }
        return object == null ? "null" : object.getClass().getName();
    }
}
