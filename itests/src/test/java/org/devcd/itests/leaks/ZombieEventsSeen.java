package org.devcd.itests.leaks;

import java.lang.ref.WeakReference;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.devcd.leakdoctor.GcWitness;
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
     * Runs full collections, one at a time, until the monitor announces bundle {@code bundleId}'s revision as a
     * zombie, at most 10. The monitor counts only collections after it noticed the removal, which it learns from the
     * framework's refresh event: delivered asynchronously, so possibly after collections the test already ran.
     *
     * @param loader the revision's class loader, which must stay reachable meanwhile
     * @return the event
     * @throws AssertionError if none comes, or the loader is collected
     */
    Event awaitCollecting(long bundleId, WeakReference<ClassLoader> loader) throws InterruptedException {
        for (int collections = 0; collections < 10; collections++) {
            Event event = poll(bundleId, Duration.ofSeconds(1));
            if (event != null) {
                return event;
            }
            if (GcWitness.await(loader, 1, Duration.ofSeconds(10)).collected()) {
                throw new AssertionError("bundle " + bundleId + "'s loader was collected: no zombie to wait for");
            }
        }
        throw new AssertionError("no " + ZombieEvents.TOPIC_ZOMBIE + " event for bundle " + bundleId + " after 10 more"
                + " full collections");
    }

    private Event poll(long bundleId, Duration bound) throws InterruptedException {
        long deadline = System.nanoTime() + bound.toNanos();
        for (long left = bound.toNanos(); left > 0; left = deadline - System.nanoTime()) {
            Event event = events.poll(left, TimeUnit.NANOSECONDS);
            if (event != null && Long.valueOf(bundleId).equals(event.getProperty(ZombieEvents.BUNDLE_ID))) {
                return event;
            }
        }
        return null;
    }

    @Override
    public void close() {
        registration.unregister();
    }
}
