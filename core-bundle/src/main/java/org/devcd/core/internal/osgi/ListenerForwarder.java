package org.devcd.core.internal.osgi;

import java.lang.System.Logger.Level;
import java.util.function.Supplier;

import org.devcd.core.internal.coredump.DumpListener;
import org.devcd.coredump.DumpInfo;
import org.devcd.coredump.RemovalReason;

/**
 * Hands each event to the listener there now ({@link EventAdminBridge} while Event Admin runs); with none, the event is
 * dropped with a DEBUG line. So events start flowing when Event Admin arrives and stop when it goes, with no restart.
 */
final class ListenerForwarder implements DumpListener {
    private static final System.Logger LOG = System.getLogger(ListenerForwarder.class.getName());

    private final Supplier<DumpListener> current;

    ListenerForwarder(Supplier<DumpListener> current) {
        this.current = current;
    }

    @Override
    public void added(DumpInfo dump) {
        DumpListener listener = current.get();
        if (listener == null) {
            LOG.log(Level.DEBUG, "ADDED of {0} not posted: no Event Admin", dump.name());
        } else {
            listener.added(dump);
        }
    }

    @Override
    public void removed(DumpInfo dump, RemovalReason reason) {
        DumpListener listener = current.get();
        if (listener == null) {
            LOG.log(Level.DEBUG, "REMOVED of {0} not posted: no Event Admin", dump.name());
        } else {
            listener.removed(dump, reason);
        }
    }
}
