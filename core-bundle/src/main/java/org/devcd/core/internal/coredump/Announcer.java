package org.devcd.core.internal.coredump;

import java.lang.System.Logger.Level;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

import org.devcd.coredump.DumpInfo;
import org.devcd.coredump.RemovalReason;

/**
 * Queues the ADDED and REMOVED events on one executor, in the order queued, so a dump's REMOVED never precedes its
 * ADDED (R6). A failing listener is logged and the next event goes on. Once the executor is shut down (the core is
 * stopping), events are dropped with a DEBUG line.
 */
final class Announcer {
    private static final System.Logger LOG = System.getLogger(Announcer.class.getName());

    private final Executor events;
    private final DumpListener listener;
    /** False for {@link DumpListener#NONE}: then no event is queued at all and no {@link DumpInfo} is made. */
    final boolean active;

    Announcer(Executor events, DumpListener listener) {
        this.events = events;
        this.listener = listener;
        this.active = listener != DumpListener.NONE;
    }

    void added(Dump dump) {
        if (active) {
            DumpInfo info = dump.info();
            queue(info, () -> {
                try {
                    listener.added(info);
                } catch (RuntimeException e) {
                    LOG.log(Level.WARNING, "a listener failed on ADDED of " + info.name(), e);
                }
            });
        }
    }

    void removed(Dump dump, RemovalReason reason) {
        if (active) {
            DumpInfo info = dump.info();
            queue(info, () -> {
                try {
                    listener.removed(info, reason);
                } catch (RuntimeException e) {
                    LOG.log(Level.WARNING, "a listener failed on REMOVED of " + info.name(), e);
                }
            });
        }
    }

    private void queue(DumpInfo info, Runnable delivery) {
        try {
            events.execute(delivery);
        } catch (RejectedExecutionException shutDown) {
            LOG.log(Level.DEBUG, "event of {0} dropped: the coredump registry is shut down", info.name());
        }
    }
}
