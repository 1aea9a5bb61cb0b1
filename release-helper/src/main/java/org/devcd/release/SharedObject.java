package org.devcd.release;

import java.util.Map;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * An object a driver shares with other bundles, which may hold references to it on their own threads: the sysfs view of
 * a kobject. Other bundles find it (for example as an OSGi service), take a reference with {@link #tryGet()}, read its
 * {@link #attributes()}, and drop the reference with {@link #put()}, possibly after the driver has begun to stop.
 *
 * <p>Implement it with {@link KObject}, whose release code is the core's. An implementation whose {@code put()} runs
 * release code of the driver's own bundle is the bug of {@code dm-builtin.c}: the last {@code put()} can come from any
 * thread, at any time, and return into the driver after the driver was uninstalled.
 */
@ConsumerType
public interface SharedObject {

    /** @return the object's name, unique among the objects its driver shares */
    String name();

    /** @return the object's attributes; call it only while holding a reference */
    Map<String, String> attributes();

    /**
     * Takes a reference unless the object is going away ({@code kobject_get_unless_zero}).
     *
     * @return whether a reference was taken; on false the caller must not use the object
     */
    boolean tryGet();

    /** Drops a reference taken with {@link #tryGet()} ({@code kobject_put}). */
    void put();
}
