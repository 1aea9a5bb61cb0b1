package org.devcd.leakdoctor;

import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.devcd.leakdoctor.internal.CollectionCounts;
import org.devcd.leakdoctor.internal.GcEvent;
import org.devcd.leakdoctor.internal.GcNotifications;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Weak references watched across full collections, without ever causing one: after each full collection (as
 * {@link GcWitness} defines it) the watch tells its {@link SurvivalListener} which references survived it, and how many
 * full collections each has survived since it was watched, and forgets those found cleared. A collection counts for a
 * reference only if it ended after the reference was watched. Created by {@link GcWitness#observe}.
 *
 * <p>Cost: the watched weak references (never their referents) and their keys, and one listener on the JDK's collector
 * notifications; no thread of its own, no work between collections.
 *
 * <p>Thread safety: {@link #watch}, {@link #unwatch} and {@link #close} may be called from any thread, also from the
 * listener. Reports are built under the watch's lock and handed to the listener after it is released.
 */
@ProviderType
public final class SurvivalWatch<K> implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(SurvivalWatch.class.getName());

    /** A watched reference: the counts when it was watched, and the collections it survived since. */
    private static final class Watched {
        final WeakReference<?> target;
        final CollectionCounts since;
        int survived;

        Watched(WeakReference<?> target, CollectionCounts since) {
            this.target = target;
            this.since = since;
        }
    }

    private final Object lock = new Object();
    /** Guarded by {@link #lock}; in watch order. */
    private final Map<K, Watched> watched = new LinkedHashMap<>();
    /** Guarded by {@link #lock}. */
    private boolean closed;
    private final SurvivalListener<K> listener;
    private final GcNotifications notifications;

    SurvivalWatch(SurvivalListener<K> listener) {
        this.listener = listener;
        this.notifications = GcNotifications.subscribe(this::afterCollection);
    }

    /**
     * Watches {@code target} under {@code key}: from now on, each full collection that ends with it still set counts
     * as one it survived.
     *
     * @param key    how reports name it; must not reach the referent, or the watch keeps it alive
     * @param target the reference to watch; the watch holds the reference, never its referent
     * @return {@code true} if it is now watched, {@code false} if {@code key} already was (nothing changed)
     * @throws IllegalStateException if the watch is closed
     */
    public boolean watch(K key, WeakReference<?> target) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(target, "target");
        CollectionCounts now = notifications.counts();
        synchronized (lock) {
            if (closed) {
                throw new IllegalStateException("watch closed: cannot watch " + key);
            }
            return watched.putIfAbsent(key, new Watched(target, now)) == null;
        }
    }

    /**
     * Stops watching {@code key}.
     *
     * @return whether it was watched
     */
    public boolean unwatch(K key) {
        synchronized (lock) {
            return watched.remove(key) != null;
        }
    }

    /** The collectors the watch listens to; empty where this JVM announces no collection, and no report ever comes. */
    public List<String> collectors() {
        return notifications.collectors();
    }

    /** Stops listening and forgets every reference. A report already being handed over may still arrive. Idempotent. */
    @Override
    public void close() {
        synchronized (lock) {
            closed = true;
            watched.clear();
        }
        notifications.close();
    }

    @Override
    public String toString() {
        synchronized (lock) {
            return "SurvivalWatch[" + (closed ? "closed" : "watching " + watched.size()) + ", collectors "
                    + collectors() + "]";
        }
    }

    /** On the JDK's notification thread, once per announced collection. */
    private void afterCollection(GcEvent event) {
        if (!event.isFull()) {
            return;
        }
        Map<K, Integer> survivors = new LinkedHashMap<>();
        List<K> collected = new ArrayList<>();
        synchronized (lock) {
            for (Iterator<Map.Entry<K, Watched>> it = watched.entrySet().iterator(); it.hasNext();) {
                Map.Entry<K, Watched> entry = it.next();
                Watched watch = entry.getValue();
                if (watch.target.refersTo(null)) {
                    collected.add(entry.getKey());
                    it.remove();
                } else if (watch.since.precede(event)) {
                    survivors.put(entry.getKey(), ++watch.survived);
                }
            }
        }
        if (survivors.isEmpty() && collected.isEmpty()) {
            return;
        }
        try {
            listener.afterFullCollection(
                    new SurvivalReport<>(event.collector(), event.action(), event.cause(), survivors, collected));
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "survival listener " + listener + " failed after a "
                    + event.collector() + " collection; the watch goes on", e);
        }
    }
}
