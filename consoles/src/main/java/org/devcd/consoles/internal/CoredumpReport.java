package org.devcd.consoles.internal;

import java.util.List;

import org.devcd.coredump.CoredumpAdmin;
import org.devcd.coredump.CoredumpCounts;
import org.devcd.coredump.CoredumpStatus;
import org.devcd.coredump.DumpInfo;

/**
 * What a console shows of devcd: the status, the counts and the list of dumps, read once per print or archive so that
 * every part of one output comes from the same reads. Never a dump's content: that is read only by {@link
 * CoredumpDumpProvider}, and only when configured to.
 *
 * <p>Three reads, not one atomic snapshot: a dump registered between them may be listed and not yet counted.
 *
 * @param status the registry at a glance
 * @param counts what happened to dumps since the core started
 * @param dumps the listed dumps, oldest first
 */
record CoredumpReport(CoredumpStatus status, CoredumpCounts counts, List<DumpInfo> dumps) {

    /** @return what {@code admin} says now */
    static CoredumpReport of(CoredumpAdmin admin) {
        return new CoredumpReport(admin.status(), admin.counts(), admin.list());
    }
}
