package org.devcd.itests.leaks;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.devcd.leakdoctor.monitor.ZombieEvents;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventConstants;
import org.osgi.service.event.EventHandler;

/** The zombie monitor's Event Admin events, as a subscriber receives them, handed to the test through a queue. */
final class ZombieEventsSeen implements AutoCloseable {
    private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
    private final ServiceRegistration<EventHandler> registration;

    ZombieEventsSeen(BundleContext context) {
        registration = context.registerService(EventHandler.class, events::add,
                new java.util.Hashtable<>(Map.of(EventConstants.EVENT_TOPIC, ZombieEvents.TOPIC_ZOMBIE)));
    }

    /**
     * @return the event announcing bundle {@code bundleId}'s revision as a zombie
     * @throws AssertionError if none comes within {@code bound}
     */
    Event await(long bundleId, Duration bound) throws InterruptedException {
        long deadline = System.nanoTime() + bound.toNanos();
        for (long left = bound.toNanos(); left > 0; left = deadline - System.nanoTime()) {
            Event event = events.poll(left, TimeUnit.NANOSECONDS);
            if (event != null && Long.valueOf(bundleId).equals(event.getProperty(ZombieEvents.BUNDLE_ID))) {
                return event;
            }
        }
        throw new AssertionError("no " + ZombieEvents.TOPIC_ZOMBIE + " event for bundle " + bundleId + " within "
                + bound);
    }

    @Override
    public void close() {
        registration.unregister();
    }
}
