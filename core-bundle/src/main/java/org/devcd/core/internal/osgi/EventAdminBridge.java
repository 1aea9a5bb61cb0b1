package org.devcd.core.internal.osgi;

import java.util.HashMap;
import java.util.Map;

import org.devcd.core.internal.coredump.DumpListener;
import org.devcd.coredump.CoredumpEvents;
import org.devcd.coredump.DumpInfo;
import org.devcd.coredump.RemovalReason;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;

/**
 * Posts the registry's additions and removals as EventAdmin events (the kernel's uevents). A component of its own,
 * satisfied only while an EventAdmin is there: the core resolves, starts and keeps its dumps without Event Admin (the
 * package is imported dynamically), and SCR loads this class only once Event Admin has arrived. Called on the
 * registry's one event thread, so the events of one dump are posted, and delivered, in order.
 */
@Component(service = DumpListener.class)
public final class EventAdminBridge implements DumpListener {
    private final EventAdmin eventAdmin;

    @org.osgi.service.component.annotations.Activate
    public EventAdminBridge(@Reference(name = "eventAdmin") EventAdmin eventAdmin) {
        this.eventAdmin = eventAdmin;
    }

    @Override
    public void added(DumpInfo dump) {
        eventAdmin.postEvent(new Event(CoredumpEvents.TOPIC_ADDED, properties(dump)));
    }

    @Override
    public void removed(DumpInfo dump, RemovalReason reason) {
        Map<String, Object> properties = properties(dump);
        properties.put(CoredumpEvents.REASON, reason.name());
        eventAdmin.postEvent(new Event(CoredumpEvents.TOPIC_REMOVED, properties));
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
