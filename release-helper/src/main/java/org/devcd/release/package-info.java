/**
 * The kobject/kref/completion layer of devcd: the code that releases a shared object must never live in a bundle that can
 * be uninstalled (the lesson of the kernel's {@code drivers/md/dm-builtin.c}).
 *
 * <ul>
 *   <li>{@link org.devcd.release.RefCount}: a reference count with {@code kref} semantics whose release runs a
 *       {@link org.devcd.release.ReleaseAction} of this package;</li>
 *   <li>{@link org.devcd.release.Completion}: the kernel's {@code struct completion};</li>
 *   <li>{@link org.devcd.release.Gate}: counts in-flight calls into driver code (kernfs "active references") and drains
 *       them, bounded, before a driver goes away;</li>
 *   <li>{@link org.devcd.release.ReleaseDebug}: a debug preemption point right after a completion is signalled, the moment
 *       of the dm-builtin race ({@code CONFIG_DEBUG_KOBJECT_RELEASE}).</li>
 * </ul>
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
