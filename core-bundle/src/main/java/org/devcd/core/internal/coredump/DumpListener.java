package org.devcd.core.internal.coredump;

import org.devcd.coredump.DumpInfo;
import org.devcd.coredump.RemovalReason;

/** Told of each dump's addition and removal, in that order, on the registry's event executor. */
public interface DumpListener {
    void added(DumpInfo dump);

    void removed(DumpInfo dump, RemovalReason reason);
}
