package org.devcd.leakdoctor.monitor.internal;

import java.util.Map;

import org.devcd.leakdoctor.monitor.Zombie;
import org.devcd.leakdoctor.monitor.ZombieEvents;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;

/**
 * Posts {@link ZombieEvents#TOPIC_ZOMBIE} for each new zombie. A component of its own, satisfied only while an Event
 * Admin is there: the monitor resolves and works without Event Admin (the package is imported dynamically), and SCR
 * loads this class only once Event Admin has arrived.
 */
@Component(service = ZombieListener.class)
public final class ZombieEventPoster implements ZombieListener {
    private final EventAdmin eventAdmin;

    @Activate
    public ZombieEventPoster(@Reference(name = "eventAdmin") EventAdmin eventAdmin) {
        this.eventAdmin = eventAdmin;
    }

    @Override
    public void zombie(Zombie zombie) {
        eventAdmin.postEvent(new Event(ZombieEvents.TOPIC_ZOMBIE, Map.of(
                ZombieEvents.BUNDLE_ID, zombie.bundleId(),
                ZombieEvents.BUNDLE_SYMBOLIC_NAME, zombie.symbolicName(),
                ZombieEvents.BUNDLE_VERSION, zombie.version(),
                ZombieEvents.REVISION, zombie.revision(),
                ZombieEvents.REVISION_NAME, zombie.revisionName(),
                ZombieEvents.FULL_COLLECTIONS, zombie.fullCollections())));
    }
}
