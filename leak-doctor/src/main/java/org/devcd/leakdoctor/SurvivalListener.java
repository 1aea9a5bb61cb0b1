package org.devcd.leakdoctor;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Told, after each full collection, what a {@link SurvivalWatch} saw. Implemented by the monitor that watches.
 *
 * @param <K> what the monitor names its references by
 */
@ConsumerType
@FunctionalInterface
public interface SurvivalListener<K> {

    /**
     * Called after a full collection in which at least one watched reference was counted as surviving or was found
     * cleared. Runs on the thread the JDK announces collections on (HotSpot's {@code Notification Thread}), so reports
     * come one at a time, in the order the collections ended: return quickly, and hand anything slow (a heap dump,
     * {@link Attribution#of}) to a thread of your own. An exception it throws is logged
     * (through {@link System.Logger}) and the watch goes on.
     *
     * @param report what the collection showed
     */
    void afterFullCollection(SurvivalReport<K> report);
}
