/**
 * The zombie monitor: in a running framework, every revision that the framework removed (a bundle uninstalled or
 * updated, then refreshed) is watched through a weak reference to its class loader; a revision whose loader survives
 * several full garbage collections is a zombie. {@link org.devcd.leakdoctor.monitor.ZombieMonitor} lists them and says
 * why one is held. Idle, the monitor costs one weak reference per revision and one GC notification listener: it never
 * asks for a collection itself, only {@link org.devcd.leakdoctor.monitor.ZombieMonitor#why} does, when an admin asks.
 */
@Export(substitution = Substitution.NOIMPORT)
@Version("1.0.0")
package org.devcd.leakdoctor.monitor;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.bundle.Export.Substitution;
import org.osgi.annotation.versioning.Version;
