package org.devcd.benchmarks;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.launch.Framework;
import org.osgi.framework.launch.FrameworkFactory;
import org.osgi.framework.wiring.FrameworkWiring;
import org.osgi.util.tracker.ServiceTracker;

/**
 * The sample driver's whole life in an embedded Felix 7.0.5 with SCR, Config Admin, Event Admin and the devcd core:
 * install, start (its DS component activates), crash (it registers a coredump; the ADDED event goes out), stop (the
 * core deletes the dump synchronously), uninstall, refresh. Against the same cycle without the crash.
 */
@Fork(1)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 10, time = 2)
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class FelixCycleBenchmark {
    /** The framework's bundles, in install order, as packed under {@code /bundles} by the build. */
    static final List<String> INFRASTRUCTURE = List.of("org.osgi.util.function.jar", "org.osgi.util.promise.jar",
            "org.osgi.service.component.jar", "org.apache.felix.scr.jar", "org.apache.felix.configadmin.jar",
            "org.apache.felix.eventadmin.jar", "core-bundle.jar");
    static final String DRIVER = "driver-bundle.jar";
    private static final String SAMPLE_DRIVER = "org.devcd.driver.sample.SampleDriver";
    private static final long WAIT_SECONDS = 30;

    private Path storage;
    private Framework framework;
    private BundleContext context;
    private byte[] driverJar;
    private int cycles;

    @Setup
    public void startFramework() throws Exception {
        storage = Files.createTempDirectory("devcd-bench-felix-");
        framework = ServiceLoader.load(FrameworkFactory.class).iterator().next().newFramework(Map.of(
                Constants.FRAMEWORK_STORAGE, storage.toString(),
                Constants.FRAMEWORK_STORAGE_CLEAN, Constants.FRAMEWORK_STORAGE_CLEAN_ONFIRSTINIT));
        framework.start();
        context = framework.getBundleContext();
        List<Bundle> bundles = new ArrayList<>();
        for (String jar : INFRASTRUCTURE) {
            try (InputStream in = new ByteArrayInputStream(packed(jar))) {
                bundles.add(context.installBundle("devcd:" + jar, in));
            }
        }
        for (Bundle bundle : bundles) {
            bundle.start();
        }
        driverJar = packed(DRIVER);
    }

    @TearDown
    public void stopFramework() throws Exception {
        framework.stop();
        framework.waitForStop(TimeUnit.SECONDS.toMillis(WAIT_SECONDS));
        try (Stream<Path> paths = Files.walk(storage)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }

    /** devcd: the cycle with a coredump registered while the driver runs and deleted by its stop. */
    @Benchmark
    public String cycleWithDump() throws Exception {
        return cycle(true);
    }

    /** The floor: the same cycle, the driver never crashes. */
    @Benchmark
    public String cycleWithoutDump() throws Exception {
        return cycle(false);
    }

    private String cycle(boolean crash) throws Exception {
        Bundle driver;
        try (InputStream in = new ByteArrayInputStream(driverJar)) {
            driver = context.installBundle("devcd:driver:" + ++cycles, in);
        }
        ServiceTracker<Object, Object> tracker = new ServiceTracker<>(context,
                context.createFilter("(" + Constants.OBJECTCLASS + "=" + SAMPLE_DRIVER + ")"), null);
        tracker.open(true); // every service, whatever the class space: this side only calls it reflectively
        String outcome;
        try {
            driver.start();
            Object sample = tracker.waitForService(TimeUnit.SECONDS.toMillis(WAIT_SECONDS));
            if (sample == null) {
                throw new IllegalStateException("the sample driver did not activate within " + WAIT_SECONDS
                        + " s; bundles: " + Stream.of(context.getBundles())
                                .map(b -> b.getSymbolicName() + "=" + b.getState()).toList());
            }
            outcome = crash ? crash(sample) : "no crash";
        } finally {
            tracker.close();
        }
        driver.stop();
        driver.uninstall();
        refresh(driver);
        return outcome;
    }

    /** {@code SampleDriver.fail}, called reflectively: each cycle's driver class is a new class of a new loader. */
    private static String crash(Object sample) throws ReflectiveOperationException {
        Method crash = sample.getClass().getMethod("fail", String.class);
        String outcome = (String) crash.invoke(sample, "benchmark");
        if (!outcome.contains("coredump devcd")) {
            throw new IllegalStateException("the sample driver registered no dump: " + outcome);
        }
        return outcome;
    }

    private void refresh(Bundle driver) throws InterruptedException, BundleException {
        CountDownLatch refreshed = new CountDownLatch(1);
        context.getBundle(Constants.SYSTEM_BUNDLE_LOCATION).adapt(FrameworkWiring.class).refreshBundles(List.of(driver),
                event -> {
                    if (event.getType() == FrameworkEvent.PACKAGES_REFRESHED) {
                        refreshed.countDown();
                    }
                });
        if (!refreshed.await(WAIT_SECONDS, TimeUnit.SECONDS)) {
            throw new BundleException("the refresh after uninstalling " + driver + " did not end within "
                    + WAIT_SECONDS + " s");
        }
    }

    static byte[] packed(String jar) {
        try (InputStream in = FelixCycleBenchmark.class.getResourceAsStream("/bundles/" + jar)) {
            if (in == null) {
                throw new IllegalStateException("bundles/" + jar + " is not packed in the benchmarks jar");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
