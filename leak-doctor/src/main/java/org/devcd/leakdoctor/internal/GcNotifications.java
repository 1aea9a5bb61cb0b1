package org.devcd.leakdoctor.internal;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import javax.management.ListenerNotFoundException;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;

/**
 * One listener on every garbage collector's notifications, handing each {@link GcEvent} to a sink. The JDK calls the
 * sink on its own notification thread ({@code Notification Thread} in HotSpot), one event after the other, in the order
 * the collections ended; a sink must return quickly. Costs nothing but the registration while no collection runs.
 */
public final class GcNotifications implements AutoCloseable {
    private final NotificationListener listener;
    private final List<GarbageCollectorMXBean> collectors;

    private GcNotifications(Consumer<GcEvent> sink) {
        listener = (notification, pools) -> {
            GcEvent event = GcEvent.from(notification, (Integer) pools);
            if (event != null) {
                sink.accept(event);
            }
        };
        List<GarbageCollectorMXBean> announcing = new ArrayList<>();
        for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (collector instanceof NotificationEmitter emitter) {
                // Handed back with each notification: the events of a collector without generations say so.
                emitter.addNotificationListener(listener, null, collector.getMemoryPoolNames().length);
                announcing.add(collector);
            }
        }
        collectors = List.copyOf(announcing);
    }

    /**
     * Starts handing events to {@code sink}, from every collector that announces its collections. The sink may be
     * called before this returns.
     */
    public static GcNotifications subscribe(Consumer<GcEvent> sink) {
        return new GcNotifications(sink);
    }

    /** The names of the collectors listened to; empty where this JVM announces no collection. */
    public List<String> collectors() {
        return collectors.stream().map(GarbageCollectorMXBean::getName).toList();
    }

    /** The counts of the collectors listened to, now. */
    public CollectionCounts counts() {
        return CollectionCounts.of(collectors);
    }

    /** Stops the hand-over; an event being handed over may still complete. Idempotent. */
    @Override
    public void close() {
        for (GarbageCollectorMXBean collector : collectors) {
            try {
                ((NotificationEmitter) collector).removeNotificationListener(listener);
            } catch (ListenerNotFoundException e) {
                // Removed by an earlier close.
            }
        }
    }
}
