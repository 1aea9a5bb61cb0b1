package org.devcd.core.internal.osgi;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

import org.devcd.core.internal.coredump.DumpListener;
import org.devcd.coredump.CoredumpEvents;
import org.devcd.coredump.DumpInfo;
import org.devcd.coredump.RemovalReason;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;

/**
 * Posts the registry's additions and removals as EventAdmin events (the kernel's uevents). Called on the registry's one
 * event thread, so events of one dump are posted, and delivered, in order. Posts nothing while no EventAdmin is there.
 */
final class EventAdminBridge implements DumpListener {
    private final Supplier<EventAdmin> eventAdmin;

    EventAdminBridge(Supplier<EventAdmin> eventAdmin) {
        this.eventAdmin = eventAdmin;
    }

    @Override
    public void added(DumpInfo dump) {
        post(CoredumpEvents.TOPIC_ADDED, properties(dump));
    }

    @Override
    public void removed(DumpInfo dump, RemovalReason reason) {
        Map<String, Object> properties = properties(dump);
        properties.put(CoredumpEvents.REASON, reason.name());
        post(CoredumpEvents.TOPIC_REMOVED, properties);
    }

    private void post(String topic, Map<String, Object> properties) {
        EventAdmin admin = eventAdmin.get();
        if (admin != null) {
            admin.postEvent(new Event(topic, properties));
        }
    }

    private static Map<String, Object> properties(DumpInfo dump) {
        Map<String, Object> properties = new HashMap<>();
        properties.put(CoredumpEvents.NAME, dump.name());
        properties.put(CoredumpEvents.DEVICE, dump.device());
        properties.put(CoredumpEvents.SIZE, dump.size());
        properties.put(CoredumpEvents.BUNDLE_SYMBOLIC_NAME, dump.bundleSymbolicName());
        properties.put(CoredumpEvents.BUNDLE_VERSION, dump.bundleVersion());
        return properties;
    }
}
