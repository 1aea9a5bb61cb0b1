package org.devcd.leakdoctor.monitor;

import java.util.List;

import org.devcd.leakdoctor.Diagnosis;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The zombie revisions of this framework, and why one is held. A service of the bundle
 * {@code org.devcd.leakdoctor.monitor}; the {@code devcd:zombies} and {@code devcd:why} commands, the JMX bean
 * {@code org.devcd:type=zombies}, the Event Admin topic {@link ZombieEvents#TOPIC_ZOMBIE} and the Felix Health Check
 * tagged {@code devcd} are views of it.
 */
@ProviderType
public interface ZombieMonitor {

    /** @return the zombies now, in the order their revisions were removed */
    List<Zombie> zombies();

    /**
     * @return removed revisions whose loaders were not collected yet and are no zombies yet: no full collection ran
     *     since, or fewer than the configured number
     */
    List<Zombie> pending();

    /**
     * Says what holds the zombie revision of bundle {@code bundleId} (its latest one, if several): first what the live
     * JVM shows without a heap dump (threads, thread locals, registrations), then, where the bundle
     * {@code org.devcd.leakdoctor.heap} is installed, the shortest strong reference chain from a GC root, which takes a
     * heap dump of the whole JVM (a pause, and disk space the size of the live heap, removed afterwards) and its
     * analysis. The diagnosis says what it cost.
     *
     * @throws IllegalArgumentException if bundle {@code bundleId} has no zombie revision
     */
    Diagnosis why(long bundleId);
}
