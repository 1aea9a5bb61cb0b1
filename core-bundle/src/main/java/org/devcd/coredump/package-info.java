/**
 * Device coredumps, the OSGi way: driver bundles register dumps of failing devices through a bundle-scoped
 * {@link org.devcd.coredump.CoredumpService}; admins and tools list, read, dismiss and disable them through
 * {@link org.devcd.coredump.CoredumpAdmin}. The behaviour is the kernel's {@code drivers/base/devcoredump.c} without its
 * races, plus what the kernel never merged: a driver bundle that stops takes its dumps with it, freed while its class
 * loader is still valid.
 */
@Export(substitution = Substitution.NOIMPORT)
@Version("1.1.0")
package org.devcd.coredump;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.bundle.Export.Substitution;
import org.osgi.annotation.versioning.Version;
