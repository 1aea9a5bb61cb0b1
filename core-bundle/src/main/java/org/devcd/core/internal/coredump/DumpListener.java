package org.devcd.core.internal.coredump;

import org.devcd.coredump.DumpInfo;
import org.devcd.coredump.RemovalReason;

/** Told of each dump's addition and removal, in that order, on the registry's event executor. */
public interface DumpListener {
    /** No events: the registry then queues nothing and makes no {@link DumpInfo} for them (embedding, benchmarks). */
    DumpListener NONE = new DumpListener() {
        @Override
        public void added(DumpInfo dump) {
        }

        @Override
        public void removed(DumpInfo dump, RemovalReason reason) {
        }
    };

    void added(DumpInfo dump);

    void removed(DumpInfo dump, RemovalReason reason);
}
