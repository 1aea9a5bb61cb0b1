package org.devcd.leakdoctor.monitor.internal;

import java.lang.System.Logger.Level;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

import org.devcd.leakdoctor.Diagnosis;
import org.devcd.leakdoctor.GcWitness;
import org.devcd.leakdoctor.LeakDoctor;
import org.devcd.leakdoctor.monitor.Zombie;
import org.devcd.leakdoctor.monitor.ZombieMonitor;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.FrameworkListener;
import org.osgi.framework.SynchronousBundleListener;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.metatype.annotations.Designate;

/**
 * The monitor: feeds the framework's bundle and refresh events into a {@link RevisionWatch}, which counts the full
 * collections each removed revision survives, logs each new zombie once (WARNING)
 * and tells the {@link ZombieListener}s there are. Activated at start (immediate), so it sees every revision resolved
 * from then on; revisions already removed before it started are not known to it.
 */
@Component(service = ZombieMonitor.class, immediate = true, configurationPid = "org.devcd.leakdoctor.monitor")
@Designate(ocd = MonitorConfig.class)
public final class ZombieMonitorComponent implements ZombieMonitor {
    private static final System.Logger LOG = System.getLogger(ZombieMonitorComponent.class.getName());

    private final BundleContext context;
    private final RevisionWatch watch;
    private final List<ZombieListener> listeners = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final SynchronousBundleListener bundles = this::bundleChanged;
    private final FrameworkListener refreshes = this::frameworkEvent;

    @Activate
    public ZombieMonitorComponent(BundleContext context, MonitorConfig config) {
        this.context = context;
        this.watch = new RevisionWatch(Clock.systemUTC(), config.full_collections(), this::announce,
                GcWitness::observe);
        context.addBundleListener(bundles);
        context.addFrameworkListener(refreshes);
        for (Bundle bundle : context.getBundles()) {
            watch.resolved(bundle);
        }
        watch.sweep();
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addListener(ZombieListener listener) {
        listeners.add(listener);
    }

    void removeListener(ZombieListener listener) {
        listeners.remove(listener);
    }

    @Deactivate
    void deactivate() {
        context.removeBundleListener(bundles);
        context.removeFrameworkListener(refreshes);
        watch.close();
    }

    private void bundleChanged(BundleEvent event) {
        switch (event.getType()) {
            case BundleEvent.RESOLVED -> watch.resolved(event.getBundle());
            case BundleEvent.UNRESOLVED, BundleEvent.UNINSTALLED, BundleEvent.UPDATED -> watch.sweep();
            default -> { }
        }
    }

    private void frameworkEvent(FrameworkEvent event) {
        if (event.getType() == FrameworkEvent.PACKAGES_REFRESHED) {
            watch.sweep();
        }
    }

    /** On the JDK's GC notification thread. */
    private void announce(Zombie zombie) {
        LOG.log(Level.WARNING, "zombie revision {0}: its class loader survived {1} full collections since it was "
                + "removed at {2}; devcd:why {3} says what holds it", zombie.revisionName(), zombie.fullCollections(),
                zombie.removedAt(), Long.toString(zombie.bundleId()));
        for (ZombieListener listener : listeners) {
            try {
                listener.zombie(zombie);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "zombie listener " + listener + " failed", e);
            }
        }
    }

    @Override
    public List<Zombie> zombies() {
        return watch.zombies();
    }

    @Override
    public List<Zombie> pending() {
        return watch.pending();
    }

    @Override
    public Diagnosis why(long bundleId) {
        Watched zombie = watch.zombie(bundleId);
        if (zombie == null) {
            throw new IllegalArgumentException("bundle " + bundleId + " has no zombie revision (devcd:zombies lists "
                    + "them)");
        }
        Path dump = context.getDataFile("why-" + bundleId + ".hprof").toPath();
        return LeakDoctor.diagnose(zombie.loader, zombie.describe().revisionName(), dump);
    }
}
