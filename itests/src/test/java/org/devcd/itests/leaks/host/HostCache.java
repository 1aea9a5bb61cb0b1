package org.devcd.itests.leaks.host;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A host's static cache keyed by class, as introspection, serialization and mapping libraries keep one (bean
 * descriptors, codecs, mappers): whatever class is put in stays, with its loader, until someone removes it.
 * Deliberately naive: nothing removes the entries of a bundle that goes away.
 */
public final class HostCache {
    /** Cached per-class data; keys of any bundle's classes. Thread-safe. */
    public static final Map<Class<?>, Object> BY_CLASS = new ConcurrentHashMap<>();

    private HostCache() {
    }
}
