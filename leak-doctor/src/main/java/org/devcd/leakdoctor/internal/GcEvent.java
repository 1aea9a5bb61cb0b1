package org.devcd.leakdoctor.internal;

import javax.management.Notification;
import javax.management.openmbean.CompositeData;

/**
 * One garbage collection as the JDK announces it: a {@code GarbageCollectorMXBean} notification of type
 * {@code com.sun.management.gc.notification}. Its user data is read by key from the {@code CompositeData}, because
 * {@code com.sun.management.GarbageCollectionNotificationInfo} is not importable by bundles.
 *
 * @param collector the collector's name ({@code gcName}), e.g. {@code G1 Old Generation}
 * @param action    how the collection ended ({@code gcAction}), e.g. {@code end of major GC}
 * @param cause     why it ran ({@code gcCause}), e.g. {@code System.gc()}
 * @param id        the collector's count of collections including this one ({@code gcInfo.id})
 * @param pools     how many memory pools the collector manages: one for a collector without generations
 */
public record GcEvent(String collector, String action, String cause, long id, int pools) {
    private static final String TYPE = "com.sun.management.gc.notification";

    /**
     * The event a notification announces, or null if it is not a garbage collection notification.
     *
     * @param pools how many memory pools the announcing collector manages
     */
    static GcEvent from(Notification notification, int pools) {
        if (!TYPE.equals(notification.getType()) || !(notification.getUserData() instanceof CompositeData data)
                || !data.containsKey("gcInfo") || !(data.get("gcInfo") instanceof CompositeData info)
                || !info.containsKey("id")) {
            return null;
        }
        return new GcEvent(String.valueOf(data.get("gcName")), String.valueOf(data.get("gcAction")),
                String.valueOf(data.get("gcCause")), ((Number) info.get("id")).longValue(), pools);
    }

    /**
     * Whether this collection ended with every weak reference to an object that was unreachable when it began cleared,
     * wherever in the heap the reference and the object are (the rules, collector by collector, and why G1's
     * concurrent cycles are not among them, are in {@code org.devcd.leakdoctor.GcWitness}):
     * <ul>
     * <li>{@code end of major GC}: a stop-the-world collection of the whole heap (Serial {@code MarkSweepCompact},
     * Parallel {@code PS MarkSweep}, G1 {@code G1 Old Generation}, i.e. a G1 full GC).
     * <li>{@code end of GC cycle} of a collector whose every such cycle marks the whole heap: {@code ZGC Cycles} (JDK
     * 17), {@code ZGC Major Cycles} (generational ZGC), and {@code Shenandoah Cycles} where Shenandoah has no
     * generations (one memory pool). Generational Shenandoah announces its young and global cycles alike: of its
     * cycles only those {@code System.gc()} asked for, always global, count.
     * </ul>
     */
    public boolean isFull() {
        return switch (action) {
            case "end of major GC" -> true;
            case "end of GC cycle" -> collector.equals("ZGC Cycles") || collector.equals("ZGC Major Cycles")
                    || collector.equals("Shenandoah Cycles") && (pools == 1 || cause.equals("System.gc()"));
            default -> false;
        };
    }
}
