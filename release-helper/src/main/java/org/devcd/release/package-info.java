/**
 * The kobject/kref/completion layer of devcd: the code that releases a shared object must never live in a bundle that can
 * be uninstalled (the lesson of the kernel's {@code drivers/md/dm-builtin.c}).
 *
 * <ul>
 *   <li>{@link org.devcd.release.RefCount}: a reference count with {@code kref} semantics whose release runs a
 *       {@link org.devcd.release.ReleaseAction} of this package;</li>
 *   <li>{@link org.devcd.release.Completion}: the kernel's {@code struct completion};</li>
 *   <li>{@link org.devcd.release.Gate}: counts in-flight calls into driver code (kernfs "active references") and drains
 *       them, bounded, before a driver goes away.</li>
 * </ul>
 *
 * <p>The debug preemption point after a completion is signalled ({@code CONFIG_DEBUG_KOBJECT_RELEASE}) is not part of
 * this API: tests arm it through {@code org.devcd.release.debug}, and only in a JVM started with
 * {@code -Ddevcd.release.debug=true}.
 *
 * <p>At run time this package is carried and exported by the long-lived core bundle {@code org.devcd.core}, so every class
 * in it is loaded by the core's class loader. A driver bundle imports it and never embeds it.
 */
@Export(substitution = Substitution.NOIMPORT)
@Version("1.0.0")
package org.devcd.release;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.bundle.Export.Substitution;
import org.osgi.annotation.versioning.Version;
