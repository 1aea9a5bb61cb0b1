package org.devcd.leakdoctor.internal;

import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Counts the {@linkplain GcEvent#isFull full collections} that end after it was opened, and lets one thread wait for
 * the next. Opened and closed around one wait of {@code GcWitness}; the counting runs on the JDK's notification thread,
 * after the collection ended, so every reference the collection cleared is cleared when its count is seen.
 */
public final class FullCollections implements AutoCloseable {
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition counted = lock.newCondition();
    private final GcNotifications notifications;
    /**
     * Null until taken: an event announced before is skipped, which may leave a collection uncounted but never counts
     * one too many.
     */
    private volatile CollectionCounts since;
    /** Guarded by {@link #lock}. */
    private long count;

    private FullCollections() {
        notifications = GcNotifications.subscribe(this::onCollection);
        since = notifications.counts();
    }

    /** Starts counting. */
    public static FullCollections open() {
        return new FullCollections();
    }

    /** Whether this JVM announces collections at all; where it does not, nothing is ever counted. */
    public boolean announced() {
        return !notifications.collectors().isEmpty();
    }

    /** The full collections counted so far. */
    public long count() {
        lock.lock();
        try {
            return count;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Waits until more than {@code seen} full collections are counted, or {@code deadline} ({@link System#nanoTime}).
     *
     * @return whether they are
     */
    public boolean awaitMoreThan(long seen, long deadline) throws InterruptedException {
        lock.lock();
        try {
            while (count <= seen) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                counted.awaitNanos(left);
            }
            return true;
        } finally {
            lock.unlock();
        }
    }

    private void onCollection(GcEvent event) {
        CollectionCounts opened = since;
        if (opened != null && event.isFull() && opened.precede(event)) {
            lock.lock();
            try {
                count++;
                counted.signalAll();
            } finally {
                lock.unlock();
            }
        }
    }

    @Override
    public void close() {
        notifications.close();
    }
}
