package org.devcd.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * The benchmark harness cannot rot: every benchmark runs (in-process, one short iteration, figures meaningless) and the
 * report has every row of the table. The real run is {@code java -jar benchmarks/target/devcd-benchmarks.jar}.
 */
class ReportSmokeTest {
    /** Every benchmark and the footprint produce a finite, positive figure, and the table has each row. */
    @Test
    void everyBenchmarkRunsAndEveryRowIsReported() throws Exception {
        List<Report.Row> rows = Report.run(true);

        assertThat(rows).extracting(Report.Row::figure).containsExactly(
                "retain + release, 1 thread", "retain + release, 1 thread",
                "retain + release, 2 threads", "retain + release, 2 threads",
                "gate enter + exit", "stale-code detector on a call-heavy class, fib(20)",
                "register + dismiss, 4 KiB dump", "read 64 MiB in 1 MiB chunks",
                "driver stop with 10,000 live dumps", "memory per live dump, data aside",
                "Felix install/start/dump/stop/uninstall/refresh");
        assertThat(rows).allSatisfy(row -> assertThat(row.ratio()).isFinite().isPositive());
        ByteArrayOutputStream table = new ByteArrayOutputStream();
        Report.print(rows, new PrintStream(table, true, StandardCharsets.UTF_8));
        assertThat(table.toString(StandardCharsets.UTF_8).lines().filter(line -> line.startsWith("| ")))
                .hasSize(rows.size() + 1);
    }
}
