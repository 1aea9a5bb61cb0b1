package org.devcd.benchmarks;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs every benchmark, each devcd path with its floor in the same run, measures the memory of a live dump, and prints
 * one markdown table of ratios against the targets of design.md. {@code --quick} is the smoke run of the test suite:
 * in-process, one short iteration each; its figures mean nothing, only that the harness works.
 */
public final class Report {
    static final String USAGE = "usage: java -jar devcd-benchmarks.jar [--quick | --help]";
    /** The floor of a figure that has a limit instead; its ratio is the share of the limit used. */
    static final String ABSOLUTE = "(a limit, no floor)";

    private Report() {
    }

    public static void main(String[] args) throws RunnerException {
        boolean quick = false;
        for (String arg : args) {
            if (arg.equals("--quick")) {
                quick = true;
            } else if (arg.equals("--help") || arg.equals("-h")) {
                System.out.println(USAGE);
                return;
            } else {
                System.err.println("devcd-benchmarks: unknown argument '" + arg + "' (expected: --quick or --help)");
                System.exit(2);
            }
        }
        List<Row> rows = run(quick);
        print(rows, System.out);
        System.exit(quick || rows.stream().allMatch(Row::met) ? 0 : 1);
    }

    /** Runs the benchmarks and the footprint; {@code quick} only proves that they run. */
    static List<Row> run(boolean quick) throws RunnerException {
        ChainedOptionsBuilder options = new OptionsBuilder().include(Report.class.getPackageName() + "\\..*Benchmark\\.");
        if (quick) {
            options.forks(0).warmupIterations(0).measurementIterations(1)
                    .measurementTime(TimeValue.milliseconds(100));
        }
        Map<String, Result<?>> scores = new HashMap<>();
        Collection<RunResult> results = new Runner(options.build()).run();
        for (RunResult result : results) {
            String benchmark = result.getParams().getBenchmark();
            scores.put(benchmark.substring(benchmark.lastIndexOf('.', benchmark.lastIndexOf('.') - 1) + 1),
                    result.getPrimaryResult());
        }
        double bytesPerDump = Footprint.bytesPerDump(quick ? 1_000 : 100_000);
        return rows(new Scores(scores), bytesPerDump);
    }

    static List<Row> rows(Scores s, double bytesPerDump) {
        List<Row> rows = new ArrayList<>();
        for (String threads : List.of("", "2")) {
            String figure = "retain + release, " + (threads.isEmpty() ? "1 thread" : "2 threads");
            rows.add(slowerBy(s, figure, "RefCountBenchmark.devcd" + threads, "AtomicInteger",
                    "RefCountBenchmark.atomic" + threads, "ns", 1.1));
            rows.add(slowerBy(s, figure, "RefCountBenchmark.devcd" + threads, "Netty AbstractReferenceCounted",
                    "RefCountBenchmark.netty" + threads, "ns", 1.0));
        }
        rows.add(slowerBy(s, "gate enter + exit", "GateBenchmark.devcd", "AtomicInteger", "GateBenchmark.atomic", "ns",
                1.5));
        rows.add(slowerBy(s, "stale-code detector on a call-heavy class, fib(20)", "WeavingBenchmark.wovenAlive",
                "the class unwoven", "WeavingBenchmark.unwoven", "us", 1.5));
        rows.add(slowerBy(s, "register + dismiss, 4 KiB dump", "RegistryBenchmark.devcd",
                "CHM put/remove + STPE schedule/cancel", "RegistryBenchmark.floor", "ns", 2));
        // Times per 64 MiB: the floor's time over devcd's is devcd's throughput over the floor's.
        double read = s.score("ReadBenchmark.devcd");
        double readFloor = s.score("ReadBenchmark.floor");
        rows.add(new Row("read 64 MiB in 1 MiB chunks", s.text("ReadBenchmark.devcd", "ms"),
                "ByteBuffer bulk copy " + s.text("ReadBenchmark.floor", "ms"), readFloor / read, ">= 0.8x",
                readFloor / read >= 0.8));
        double stop = s.score("DriverStopBenchmark.driverStop");
        rows.add(new Row("driver stop with " + String.format(Locale.ROOT, "%,d", DriverStopBenchmark.DUMPS)
                + " live dumps", s.text("DriverStopBenchmark.driverStop", "ms") + String.format(Locale.ROOT,
                        " (%.2f us a dump)", stop * 1000 / DriverStopBenchmark.DUMPS), ABSOLUTE, stop / 50, "< 50 ms",
                stop < 50));
        rows.add(new Row("memory per live dump, data aside", String.format(Locale.ROOT, "%.0f B", bytesPerDump),
                ABSOLUTE, bytesPerDump / 512, "< 512 B (JOL)", bytesPerDump < 512));
        double cycle = s.score("FelixCycleBenchmark.cycleWithDump");
        double cycleFloor = s.score("FelixCycleBenchmark.cycleWithoutDump");
        rows.add(new Row("Felix install/start/dump/stop/uninstall/refresh",
                s.text("FelixCycleBenchmark.cycleWithDump", "cycles/s"),
                "without the dump " + s.text("FelixCycleBenchmark.cycleWithoutDump", "cycles/s"), cycle / cycleFloor,
                ">= 0.8x", cycle / cycleFloor >= 0.8));
        return rows;
    }

    /** A row for a time per operation that may be at most {@code limit} times its floor's. */
    private static Row slowerBy(Scores s, String figure, String devcd, String floorLabel, String floor, String unit,
            double limit) {
        double ratio = s.score(devcd) / s.score(floor);
        return new Row(figure, s.text(devcd, unit), floorLabel + " " + s.text(floor, unit), ratio,
                String.format(Locale.ROOT, "<= %.1fx", limit), ratio <= limit);
    }

    static void print(List<Row> rows, PrintStream out) {
        out.printf(Locale.ROOT, "%n%d cores, %s %s (%s)%n%n", Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.vm.name"), System.getProperty("java.runtime.version"),
                System.getProperty("java.vm.vendor"));
        out.println("| figure | devcd | floor in the same run | ratio | target | met |");
        out.println("|---|---|---|---|---|---|");
        for (Row row : rows) {
            String ratio = row.floor().equals(ABSOLUTE)
                    ? String.format(Locale.ROOT, "%.0f%% of the limit", row.ratio() * 100)
                    : String.format(Locale.ROOT, "%.2fx", row.ratio());
            out.printf(Locale.ROOT, "| %s | %s | %s | %s | %s | %s |%n", row.figure(), row.devcd(), row.floor(), ratio,
                    row.target(), row.met() ? "yes" : "**no**");
        }
    }

    /**
     * One line of the table; {@code ratio} is devcd over the floor (for the read, the floor's time over devcd's, so
     * throughput over throughput), or the share of the limit.
     */
    record Row(String figure, String devcd, String floor, double ratio, String target, boolean met) {
    }

    /** The primary score of each benchmark, by {@code Class.method}. */
    record Scores(Map<String, Result<?>> byName) {
        double score(String name) {
            return result(name).getScore();
        }

        /** @return the score with its 99.9% error, for example {@code 16.7 ± 5.9 ns} */
        String text(String name, String unit) {
            Result<?> result = result(name);
            String digits = result.getScore() >= 100 ? "%.0f" : "%.1f";
            return String.format(Locale.ROOT, digits + " ± " + digits + " %s", result.getScore(),
                    result.getScoreError(), unit);
        }

        private Result<?> result(String name) {
            Result<?> result = byName.get(name);
            if (result == null) {
                throw new IllegalStateException("no result for " + name + "; ran: " + byName.keySet());
            }
            return result;
        }
    }
}
