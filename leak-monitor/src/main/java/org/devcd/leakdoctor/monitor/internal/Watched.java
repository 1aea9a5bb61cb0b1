package org.devcd.leakdoctor.monitor.internal;

import java.lang.ref.WeakReference;
import java.time.Instant;

import org.devcd.leakdoctor.monitor.Zombie;
import org.osgi.framework.wiring.BundleRevision;
import org.osgi.framework.wiring.BundleWiring;

/**
 * One bundle revision under watch, held only weakly: its revision object (to learn when the framework removed it) and
 * its class loader (to learn whether anything still holds it). Everything else is copied out as plain values, so a
 * watched revision pins nothing.
 *
 * <p>Thread-safety: the removal time and the survival count are written only by {@link RevisionWatch} under its lock.
 */
final class Watched {
    private final WeakReference<BundleRevision> revision;
    final WeakReference<ClassLoader> loader;
    final long bundleId;
    final String symbolicName;
    final String version;
    final int number;
    Instant removedAt;
    int fullCollections;

    Watched(BundleRevision revision, ClassLoader loader, int number) {
        this.revision = new WeakReference<>(revision);
        this.loader = new WeakReference<>(loader);
        this.bundleId = revision.getBundle().getBundleId();
        this.symbolicName = String.valueOf(revision.getSymbolicName());
        this.version = String.valueOf(revision.getVersion());
        this.number = number;
    }

    boolean is(BundleRevision candidate) {
        return revision.get() == candidate;
    }

    /**
     * @return whether the framework no longer uses the revision: it was collected, has no wiring any more (refreshed
     *     away), or its wiring is out of use (uninstalled or updated, and nobody wired to it)
     */
    boolean removedByFramework() {
        BundleRevision r = revision.get();
        if (r == null) {
            return true;
        }
        BundleWiring wiring = r.getWiring();
        return wiring == null || !wiring.isInUse();
    }

    boolean collected() {
        return loader.get() == null;
    }

    Zombie describe() {
        return new Zombie(bundleId, symbolicName, version, number, removedAt, fullCollections);
    }
}
