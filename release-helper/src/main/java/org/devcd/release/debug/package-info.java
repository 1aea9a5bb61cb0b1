/**
 * Release debugging for tests and the demonstration, kept out of {@code org.devcd.release} so that a driver importing
 * the release API cannot link against it: {@link org.devcd.release.debug.ReleaseDebug} arms a preemption point right
 * after a completion is signalled, the moment of the dm-builtin race ({@code CONFIG_DEBUG_KOBJECT_RELEASE}), and only in
 * a JVM started with {@code -Ddevcd.release.debug=true}.
 *
 * <p>At run time this package is carried and exported by the core bundle {@code org.devcd.core}, next to
 * {@code org.devcd.release}, so the switch is one for the whole framework. Import it only from test code.
 */
@Export(substitution = Substitution.NOIMPORT)
@Version("1.0.0")
package org.devcd.release.debug;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.bundle.Export.Substitution;
import org.osgi.annotation.versioning.Version;
