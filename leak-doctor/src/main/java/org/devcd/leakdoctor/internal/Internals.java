package org.devcd.leakdoctor.internal;

import java.lang.reflect.Field;

/**
 * Reflective reads of JDK-private fields, the only way to see some holders (a thread's {@code Runnable}, the drivers
 * {@code DriverManager} hides from callers that cannot load them). A field is opened with {@code trySetAccessible}, so
 * a closed package becomes a {@link ClosedInternalException}, never an {@code InaccessibleObjectException}.
 */
final class Internals {
    private Internals() {
    }

    /** The JDK class {@code name}, which may be private to its package. */
    static Class<?> jdkClass(String name) throws ClosedInternalException {
        try {
            return Class.forName(name, false, ClassLoader.getPlatformClassLoader());
        } catch (ClassNotFoundException e) {
            throw ClosedInternalException.missing(name);
        }
    }

    /** {@code owner}'s declared field {@code name}, made accessible. */
    static Field open(Class<?> owner, String name) throws ClosedInternalException {
        Field field;
        try {
            field = owner.getDeclaredField(name);
        } catch (NoSuchFieldException e) {
            throw ClosedInternalException.missing(owner, name);
        }
        boolean accessible;
        try {
            accessible = field.trySetAccessible();
        } catch (SecurityException e) {
            accessible = false;
        }
        if (!accessible) {
            throw ClosedInternalException.closed(owner);
        }
        return field;
    }

    /** Whether {@code owner} declares a field {@code name}, accessible or not. */
    static boolean declares(Class<?> owner, String name) {
        try {
            owner.getDeclaredField(name);
            return true;
        } catch (NoSuchFieldException e) {
            return false;
        }
    }

    /** The value of a field {@link #open} returned; {@code target} is null for a static field. */
    static Object read(Field field, Object target) {
        try {
            return field.get(target);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(field + " was opened but cannot be read", e);
        }
    }
}
