package org.devcd.leakdoctor.monitor.internal;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.devcd.leakdoctor.SurvivalReport;
import org.devcd.leakdoctor.monitor.Zombie;
import org.osgi.framework.Bundle;
import org.osgi.framework.wiring.BundleRevision;
import org.osgi.framework.wiring.BundleWiring;

/**
 * Every bundle revision with a class loader, from its resolution until its loader is collected, in three stages:
 * <pre>
 *   in use  --(framework removes it: refresh after uninstall/update)-->  removed
 *   removed --(loader survives {@code threshold} full collections)-->     zombie
 *   removed or zombie --(loader collected)-->                             forgotten
 * </pre>
 * Fed by the framework's events ({@link #resolved}, {@link #sweep}) and by the reports of a
 * {@link org.devcd.leakdoctor.SurvivalWatch} ({@link #afterFullCollection}), which counts the full collections each
 * removed revision's loader survives; never asks for a collection and never holds a revision or a loader strongly.
 *
 * <p>Thread-safety: all methods may be called from any thread; one lock guards the list, and no framework or foreign
 * code runs under it except {@code BundleRevision.getWiring()} and {@code BundleWiring.isInUse()}.
 */
final class RevisionWatch {
    private final Object lock = new Object();
    private final List<Watched> watched = new ArrayList<>();
    private final Clock clock;
    private final int threshold;
    private final Consumer<Watched> removed;
    private final Consumer<Zombie> zombies;

    /**
     * @param threshold how many full collections a removed revision's loader must survive to be a zombie (>= 1)
     * @param removed told of each revision the framework removed, to watch its loader across full collections
     * @param zombies told once of each revision that becomes a zombie, outside the watch's lock
     */
    RevisionWatch(Clock clock, int threshold, Consumer<Watched> removed, Consumer<Zombie> zombies) {
        if (threshold < 1) {
            throw new IllegalArgumentException("full.collections must be at least 1, not " + threshold);
        }
        this.clock = clock;
        this.threshold = threshold;
        this.removed = removed;
        this.zombies = zombies;
    }

    /** Starts watching the current revision of {@code bundle}, if it is resolved, has a class loader and is new. */
    void resolved(Bundle bundle) {
        if (bundle.getBundleId() == 0) {
            return;
        }
        BundleWiring wiring = bundle.adapt(BundleWiring.class);
        ClassLoader loader = wiring == null ? null : wiring.getClassLoader();
        if (loader == null) {
            return; // not resolved (any more), or a fragment
        }
        BundleRevision revision = wiring.getRevision();
        synchronized (lock) {
            for (Watched w : watched) {
                if (w.is(revision)) {
                    return;
                }
            }
            watched.add(new Watched(revision, loader, RevisionNumbers.of(revision, watched)));
        }
    }

    /** Marks every watched revision the framework no longer uses as removed, now, and hands it on to be watched. */
    void sweep() {
        List<Watched> newlyRemoved = new ArrayList<>();
        synchronized (lock) {
            for (Watched w : watched) {
                if (w.removedAt == null && w.removedByFramework()) {
                    w.removedAt = clock.instant();
                    newlyRemoved.add(w);
                }
            }
        }
        newlyRemoved.forEach(removed);
    }

    /**
     * Takes one full collection's report: forgets the revisions whose loaders were collected, records the survival
     * count of the others, and announces those that reached the threshold with it.
     */
    void afterFullCollection(SurvivalReport<Watched> report) {
        List<Zombie> newZombies = new ArrayList<>();
        synchronized (lock) {
            watched.removeAll(report.collected());
            for (Map.Entry<Watched, Integer> survivor : report.survivors().entrySet()) {
                Watched w = survivor.getKey();
                w.fullCollections = survivor.getValue();
                if (w.fullCollections == threshold && watched.contains(w)) {
                    newZombies.add(w.describe());
                }
            }
        }
        newZombies.forEach(zombies);
    }

    /** @return the zombies now, in the order they were removed */
    List<Zombie> zombies() {
        return select(true);
    }

    /** @return the removed revisions whose loaders were not collected yet but are no zombies (yet) */
    List<Zombie> pending() {
        return select(false);
    }

    /** @return the class loader of the zombie revision of bundle {@code bundleId}, weakly, or null if none */
    Watched zombie(long bundleId) {
        synchronized (lock) {
            Watched found = null;
            for (Watched w : watched) {
                if (w.bundleId == bundleId && w.fullCollections >= threshold && !w.collected()) {
                    found = w; // the latest revision of the bundle that is a zombie
                }
            }
            return found;
        }
    }

    private List<Zombie> select(boolean zombie) {
        List<Zombie> selected = new ArrayList<>();
        synchronized (lock) {
            for (Watched w : watched) {
                if (w.removedAt != null && !w.collected() && (w.fullCollections >= threshold) == zombie) {
                    selected.add(w.describe());
                }
            }
        }
        selected.sort((a, b) -> a.removedAt().compareTo(b.removedAt()));
        return selected;
    }
}
