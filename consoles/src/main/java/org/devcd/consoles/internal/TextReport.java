package org.devcd.consoles.internal;

import java.util.ArrayList;
import java.util.List;

import org.devcd.coredump.CoredumpCounts;
import org.devcd.coredump.CoredumpStatus;
import org.devcd.coredump.DumpInfo;

/**
 * The plain-text form of a {@link CoredumpReport}: the Inventory's TEXT format, and the archive entries {@code
 * devcd/status.txt} and {@code devcd/dumps.txt}. Lines end with {@code \n} whatever the platform, so an archive reads
 * the same wherever it was written.
 */
final class TextReport {
    private static final String[] HEADER = {"NAME", "BUNDLE", "VERSION", "DEVICE", "SIZE", "CREATED", "DEADLINE"};
    private static final int SIZE_COLUMN = 4;

    private TextReport() {
    }

    /** @return the status, then a blank line, then the list */
    static String of(CoredumpReport report) {
        return status(report.status(), report.counts()) + "\n" + dumps(report.dumps());
    }

    /** @return whether coredumps are enabled, what is held, the counts and the caps, one line each */
    static String status(CoredumpStatus status, CoredumpCounts counts) {
        return "coredumps: " + (status.disabled() ? "disabled" : "enabled") + "\n"
                + "held: " + status.dumps() + " dump(s), " + status.bytes() + " bytes\n"
                + "since the core started: " + counts.registered() + " registered, " + counts.discarded()
                + " discarded, " + counts.removed() + " removed\n"
                + "caps: " + status.maxDumpBytes() + " bytes a dump, " + status.maxDumps() + " dumps, "
                + status.maxTotalBytes() + " bytes in all\n"
                + "timeouts: a dump stays " + status.defaultTimeout() + " by default, a deletion waits at most "
                + status.drainTimeout() + " for reads\n";
    }

    /** @return a table of the dumps, columns as wide as their widest cell, or one line saying there are none */
    static String dumps(List<DumpInfo> dumps) {
        if (dumps.isEmpty()) {
            return "no coredumps\n";
        }
        List<String[]> rows = new ArrayList<>();
        rows.add(HEADER);
        for (DumpInfo dump : dumps) {
            rows.add(new String[] {dump.name(), dump.bundleSymbolicName(), dump.bundleVersion(), dump.device(),
                Long.toString(dump.size()), dump.created().toString(), dump.deadline().toString()});
        }
        int[] widths = new int[HEADER.length];
        rows.forEach(row -> {
            for (int column = 0; column < row.length; column++) {
                widths[column] = Math.max(widths[column], row[column].length());
            }
        });
        StringBuilder table = new StringBuilder();
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder();
            for (int column = 0; column < row.length; column++) {
                String padding = " ".repeat(widths[column] - row[column].length());
                line.append(column == SIZE_COLUMN ? padding + row[column] : row[column] + padding).append("  ");
            }
            table.append(line.toString().stripTrailing()).append('\n');
        }
        return table.toString();
    }
}
