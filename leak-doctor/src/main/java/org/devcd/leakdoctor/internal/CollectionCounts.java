package org.devcd.leakdoctor.internal;

import java.lang.management.GarbageCollectorMXBean;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Each collector's count of collections at one moment: the line between collections that ended before it and those
 * that end after it. A collector counts a collection when it ends, before announcing it, so an announced
 * {@link GcEvent} {@linkplain #precede precedes} these counts exactly when it was counted in them. (Notification
 * timestamps cannot draw this line: {@code gcInfo.startTime} and {@code RuntimeMXBean.getUptime()} start from different
 * instants.)
 */
public final class CollectionCounts {
    private final Map<String, Long> counts;

    private CollectionCounts(Map<String, Long> counts) {
        this.counts = counts;
    }

    /** The counts of {@code collectors} now. */
    static CollectionCounts of(List<GarbageCollectorMXBean> collectors) {
        Map<String, Long> counts = new HashMap<>();
        for (GarbageCollectorMXBean collector : collectors) {
            counts.put(collector.getName(), collector.getCollectionCount());
        }
        return new CollectionCounts(counts);
    }

    /**
     * Whether {@code event} ended after these counts were taken. A stop-the-world collection that did also began
     * after them; a concurrent cycle may have begun before.
     */
    public boolean precede(GcEvent event) {
        return event.id() > counts.getOrDefault(event.collector(), 0L);
    }
}
