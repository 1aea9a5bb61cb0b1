package org.devcd.demo;

import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.devcd.coredump.CoredumpEvents;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventHandler;

/** The demo's event consumer: it queues every coredump event EventAdmin delivers. */
final class Events implements EventHandler {
    private final BlockingQueue<Event> received = new LinkedBlockingQueue<>();

    @Override
    public void handleEvent(Event event) {
        received.add(event);
    }

    /** @return the next event, or null after {@code timeout} */
    Event next(Duration timeout) throws InterruptedException {
        return received.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    static String describe(Event event) {
        if (event == null) {
            return "(no event)";
        }
        String topic = event.getTopic().substring(event.getTopic().lastIndexOf('/') + 1);
        Object reason = event.getProperty(CoredumpEvents.REASON);
        return "event " + topic + " " + event.getProperty(CoredumpEvents.NAME)
                + (reason == null ? " (device " + event.getProperty(CoredumpEvents.DEVICE) + ", "
                        + event.getProperty(CoredumpEvents.SIZE) + " bytes)" : " " + reason);
    }
}
