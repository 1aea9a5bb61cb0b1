package org.devcd.core.internal.coredump;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.logging.Level;

import org.devcd.coredump.DumpReader;
import org.devcd.coredump.Registration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * One bound per stop: a driver's stop returns within one drain bound in total, however many of its dumps have reads
 * stuck in its code (the first version took (k+1) bounds for k stuck dumps), and reports every stuck thread once.
 */
class StopBoundTest {
    private static final Duration BOUND = Duration.ofMillis(1000);
    /** Scheduling slack on a loaded 2-core machine; well under one more bound, which the first version needed. */
    private static final Duration SLACK = Duration.ofMillis(500);

    /** k dumps each with a read stuck in driver code: the stop takes one bound, frees each once, logs one ERROR. */
    @ParameterizedTest(name = "{0} stuck reads")
    @ValueSource(ints = {1, 3, 10})
    void aStopWithStuckReadsReturnsWithinOneBound(int stuck) throws Exception {
        DumpRegistry registry = DumpRegistry.start(new RegistryConfig(Duration.ofMinutes(5), 1 << 20, 100, 1 << 24,
                BOUND), DumpListener.NONE);
        DriverCoredumps driver = DriverCoredumps.attach(registry, 7, "org.example.disk", "1.0.0");
        CountDownLatch release = new CountDownLatch(1);
        List<TestSource> sources = new ArrayList<>();
        List<Threads.Running<Integer>> reads = new ArrayList<>();
        for (int i = 0; i < stuck; i++) {
            TestSource source = new TestSource(8);
            source.readRelease = release;
            sources.add(source);
            String name = ((Registration.Registered) driver.dumpm("dev" + i, source)).name();
            DumpReader reader = registry.open(name);
            reads.add(Threads.start("stuck-reader-" + i, () -> reader.read(0, ByteBuffer.allocate(8))));
            source.readEntered.await();
        }
        try (LogCapture log = new LogCapture()) {
            long start = System.nanoTime();
            driver.detach();
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            release.countDown();

            assertThat(took).as("the stop waited for the stuck reads").isGreaterThanOrEqualTo(BOUND.minusMillis(20));
            assertThat(took).as("one bound in total").isLessThan(BOUND.plus(SLACK));
            assertThat(sources).allSatisfy(s -> assertThat(s.frees).hasValue(1));
            List<String> errors = log.at(Level.SEVERE);
            assertThat(errors).hasSize(1);
            for (int i = 0; i < stuck; i++) {
                String thread = "stuck-reader-" + i;
                assertThat(errors.get(0).split(thread + "\\b", -1)).as(thread + " named once").hasSize(2);
            }
        } finally {
            release.countDown();
            for (Threads.Running<Integer> read : reads) {
                read.join();
            }
            registry.shutdown();
        }
    }
}
