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
            String label = threads.isEmpty() ? "1 thread" : "2 threads";
            double devcd = s.score("RefCountBenchmark.devcd" + threads);
            double atomic = s.score("RefCountBenchmark.atomic" + threads);
            double netty = s.score("RefCountBenchmark.netty" + threads);
            rows.add(new Row("retain + release, " + label, ns(devcd), "AtomicInteger " + ns(atomic), devcd / atomic,
                    "<= 1.1x", devcd / atomic <= 1.1));
            rows.add(new Row("retain + release, " + label, ns(devcd), "Netty AbstractReferenceCounted " + ns(netty),
                    devcd / netty, "<= 1.0x", devcd / netty <= 1.0));
        }
        double gate = s.score("GateBenchmark.devcd");
        double gateFloor = s.score("GateBenchmark.atomic");
        rows.add(new Row("gate enter + exit", ns(gate), "AtomicInteger " + ns(gateFloor), gate / gateFloor, "<= 1.5x",
                gate / gateFloor <= 1.5));
        double register = s.score("RegistryBenchmark.devcd");
        double registerFloor = s.score("RegistryBenchmark.floor");
        rows.add(new Row("register + dismiss, 4 KiB dump", ns(register),
                "CHM put/remove + STPE schedule/cancel " + ns(registerFloor), register / registerFloor, "<= 2x",
                register / registerFloor <= 2));
        double read = s.score("ReadBenchmark.devcd");
        double readFloor = s.score("ReadBenchmark.floor");
        rows.add(new Row("read 64 MiB in 1 MiB chunks", mibPerSecond(read), "ByteBuffer bulk copy "
                + mibPerSecond(readFloor), readFloor / read, ">= 0.8x", readFloor / read >= 0.8));
        double stop = s.score("DriverStopBenchmark.driverStop");
        rows.add(new Row("driver stop with " + String.format(Locale.ROOT, "%,d", DriverStopBenchmark.DUMPS)
                + " live dumps", String.format(Locale.ROOT, "%.1f ms (%.2f us a dump)", stop,
                        stop * 1000 / DriverStopBenchmark.DUMPS), ABSOLUTE, stop / 50, "< 50 ms", stop < 50));
        rows.add(new Row("memory per live dump, data aside", String.format(Locale.ROOT, "%.0f B", bytesPerDump),
                ABSOLUTE, bytesPerDump / 512, "< 512 B (JOL)", bytesPerDump < 512));
        double cycle = s.score("FelixCycleBenchmark.cycleWithDump");
        double cycleFloor = s.score("FelixCycleBenchmark.cycleWithoutDump");
        rows.add(new Row("Felix install/start/dump/stop/uninstall/refresh",
                String.format(Locale.ROOT, "%.0f cycles/s", cycle),
                String.format(Locale.ROOT, "without the dump %.0f cycles/s", cycleFloor), cycle / cycleFloor,
                ">= 0.8x", cycle / cycleFloor >= 0.8));
        return rows;
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

    private static String ns(double nanos) {
        return String.format(Locale.ROOT, "%.1f ns", nanos);
    }

    private static String mibPerSecond(double millisFor64MiB) {
        return String.format(Locale.ROOT, "%.0f MiB/s", 64 * 1000 / millisFor64MiB);
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
            Result<?> result = byName.get(name);
            if (result == null) {
                throw new IllegalStateException("no result for " + name + "; ran: " + byName.keySet());
            }
            return result.getScore();
        }
    }
}
