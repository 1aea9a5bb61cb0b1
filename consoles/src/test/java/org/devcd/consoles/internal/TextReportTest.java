package org.devcd.consoles.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.devcd.coredump.CoredumpStatus;
import org.junit.jupiter.api.Test;

/** The TEXT form: what the Inventory shows and what Karaf's archive holds as status.txt and dumps.txt. */
class TextReportTest {

    /** The status says enabled, what is held, the three counts and every cap and timeout, one line each. */
    @Test
    void statusOfAnEnabledRegistry() {
        assertThat(TextReport.status(Reports.ENABLED, Reports.COUNTS)).isEqualTo("""
                coredumps: enabled
                held: 2 dump(s), 1093 bytes
                since the core started: 7 registered, 3 discarded, 5 removed
                caps: 67108864 bytes a dump, 1000 dumps, 268435456 bytes in all
                timeouts: a dump stays PT5M by default, a deletion waits at most PT5S for reads
                """);
    }

    /** A disabled registry says so on the first line. */
    @Test
    void statusOfADisabledRegistry() {
        CoredumpStatus disabled = new CoredumpStatus(true, 0, 0, 7, Duration.ofMinutes(5), 1, 1, 1, Duration.ZERO);
        assertThat(TextReport.status(disabled, Reports.COUNTS)).startsWith("coredumps: disabled\n");
    }

    /** One row per dump, oldest first as listed, columns aligned on the widest cell, sizes right-aligned. */
    @Test
    void dumpsAsAnAlignedTable() {
        assertThat(TextReport.dumps(List.of(Reports.DISK, Reports.CONTROLLER))).isEqualTo("""
                NAME    BUNDLE                                   VERSION              DEVICE  SIZE  CREATED                   DEADLINE
                devcd6  org.example.disk                         1.2.0                sda       93  2026-11-30T08:18:22.559Z  2026-11-30T08:23:22.559Z
                devcd7  org.example.controller.with.a.long.name  10.0.0.202611300810  ctrl0   1000  2026-11-30T08:19:00Z      2026-11-30T08:20:00Z
                """);
    }

    /** No dumps: one line that says so, not an empty table. */
    @Test
    void noDumps() {
        assertThat(TextReport.dumps(List.of())).isEqualTo("no coredumps\n");
    }

    /** The whole report is the status, a blank line, then the list. */
    @Test
    void wholeReport() {
        assertThat(TextReport.of(Reports.of(Reports.DISK))).isEqualTo(
                TextReport.status(Reports.ENABLED, Reports.COUNTS) + "\n" + TextReport.dumps(List.of(Reports.DISK)));
    }
}
