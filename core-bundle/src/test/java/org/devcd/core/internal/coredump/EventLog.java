package org.devcd.core.internal.coredump;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

import org.devcd.coredump.DumpInfo;
import org.devcd.coredump.RemovalReason;

/**
 * The registry's event executor and listener for tests: events are queued and delivered, in order, in the thread that
 * calls {@link #deliver()}, or at once when {@link #direct} is set. Each delivered event is recorded as
 * {@code "ADDED devcd1"} or {@code "REMOVED devcd1 TIMEOUT"}.
 */
final class EventLog implements Executor, DumpListener {
    final List<String> delivered = new CopyOnWriteArrayList<>();
    private final List<Runnable> queue = new ArrayList<>();
    volatile boolean direct;
    volatile Consumer<DumpInfo> onAdded = info -> { };

    @Override
    public void execute(Runnable event) {
        if (direct) {
            event.run();
            return;
        }
        synchronized (this) {
            queue.add(event);
        }
    }

    /** Delivers every queued event, in order, in this thread. */
    void deliver() {
        for (;;) {
            Runnable next;
            synchronized (this) {
                if (queue.isEmpty()) {
                    return;
                }
                next = queue.remove(0);
            }
            next.run();
        }
    }

    @Override
    public void added(DumpInfo dump) {
        delivered.add("ADDED " + dump.name());
        onAdded.accept(dump);
    }

    @Override
    public void removed(DumpInfo dump, RemovalReason reason) {
        delivered.add("REMOVED " + dump.name() + " " + reason);
    }
}
