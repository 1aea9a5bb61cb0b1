package org.devcd.leakdoctor.monitor.internal;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

import org.devcd.leakdoctor.SurvivalListener;
import org.devcd.leakdoctor.SurvivalReport;
import org.devcd.leakdoctor.SurvivalWatch;
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
 * Fed by the framework's events ({@link #resolved}, {@link #sweep}) and by the reports of its own
 * {@link SurvivalWatch}, which counts the full collections each removed revision's loader survives; never asks for a
 * collection and never holds a revision or a loader strongly.
 *
 * <p>Thread-safety: all methods may be called from any thread; one lock guards the list, and no framework or foreign
 * code runs under it except {@code BundleRevision.getWiring()} and {@code BundleWiring.isInUse()}.
 */
final class RevisionWatch implements AutoCloseable {
    private final Object lock = new Object();
    private final List<Watched> watched = new ArrayList<>();
    private final Clock clock;
    private final int threshold;
    private final Consumer<Zombie> zombies;
    private final SurvivalWatch<Watched> survival;

    /**
     * @param threshold how many full collections a removed revision's loader must survive to be a zombie (>= 1)
     * @param zombies told once of each revision that becomes a zombie, outside the watch's lock
     * @param observe starts the survival watch that reports to the listener it is given ({@code GcWitness::observe})
     */
    RevisionWatch(Clock clock, int threshold, Consumer<Zombie> zombies,
            Function<SurvivalListener<Watched>, SurvivalWatch<Watched>> observe) {
        if (threshold < 1) {
            throw new IllegalArgumentException("full.collections must be at least 1, not " + threshold);
        }
        this.clock = clock;
        this.threshold = threshold;
        this.zombies = zombies;
        // Reports come only for watched references, and none is watched before this constructor returned.
        this.survival = observe.apply(this::afterFullCollection);
    }

    /** Stops counting collections; the watch learns nothing more. */
    @Override
    public void close() {
        survival.close();
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
        newlyRemoved.forEach(w -> survival.watch(w, w.loader));
    }

    /**
     * Takes one full collection's report: forgets the revisions whose loaders were collected, records the survival
     * count of the others, and announces those that reached the threshold with it.
     */
    private void afterFullCollection(SurvivalReport<Watched> report) {
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

    /** @return the latest zombie revision of bundle {@code bundleId} (its loader held weakly), or null if none */
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
