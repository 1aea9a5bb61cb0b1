package org.devcd.core.internal.osgi;

import java.util.ArrayList;
import java.util.List;

import org.devcd.coredump.DumpInfo;

/** {@code devcd:list}'s table: columns as wide as their widest cell, so long names and devices stay aligned. */
final class DumpTable {
    private static final String[] HEADER = {"NAME", "BUNDLE", "DEVICE", "SIZE", "CREATED", "DEADLINE"};
    private static final int SIZE_COLUMN = 3;

    private DumpTable() {
    }

    /** @return the header and one line per dump, each ending with a line separator */
    static String of(List<DumpInfo> dumps) {
        List<String[]> rows = new ArrayList<>();
        rows.add(HEADER);
        for (DumpInfo dump : dumps) {
            rows.add(new String[] {dump.name(), dump.bundleSymbolicName() + " " + dump.bundleVersion(), dump.device(),
                Long.toString(dump.size()), dump.created().toString(), dump.deadline().toString()});
        }
        int[] widths = new int[HEADER.length];
        for (String[] row : rows) {
            for (int column = 0; column < row.length; column++) {
                widths[column] = Math.max(widths[column], row[column].length());
            }
        }
        StringBuilder table = new StringBuilder();
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder();
            for (int column = 0; column < row.length; column++) {
                String cell = row[column];
                String pad = " ".repeat(widths[column] - cell.length());
                line.append(column == SIZE_COLUMN ? pad + cell : cell + pad).append("  ");
            }
            table.append(line.toString().stripTrailing()).append(System.lineSeparator());
        }
        return table.toString();
    }
}
