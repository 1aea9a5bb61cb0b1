package org.devcd.leakdoctor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.entry;

import java.lang.ref.Reference;
import java.lang.ref.WeakReference;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/**
 * {@link GcWitness#observe}: after each full collection the listener learns which watched references survived it and
 * how often, and which were cleared. The watch never collects itself: these tests call {@code System.gc()} to make a
 * full collection happen, and wait for its report (at most 30 s, never reached).
 */
class SurvivalWatchTest {
    private final BlockingQueue<SurvivalReport<String>> reports = new LinkedBlockingQueue<>();

    /** Survivors are counted up collection by collection; a cleared reference is reported once, then forgotten. */
    @Test
    void countsSurvivorsAndReportsTheCollected() throws InterruptedException {
        Object held = new Object();
        try (SurvivalWatch<String> watch = GcWitness.observe(reports::add)) {
            assertThat(watch.collectors()).isNotEmpty();
            assertThat(watch.watch("held", new WeakReference<>(held))).isTrue();
            assertThat(watch.watch("dropped", GcWitnessTest.unreachable())).isTrue();

            SurvivalReport<String> first = nextReport();
            assertThat(first.survivors()).containsExactly(entry("held", 1));
            assertThat(first.collected()).containsExactly("dropped");

            SurvivalReport<String> second = nextReport();
            assertThat(second.survivors()).containsExactly(entry("held", 2));
            assertThat(second.collected()).isEmpty();
        }
        Reference.reachabilityFence(held);
    }

    /** An unwatched reference is in no later report; a key watched twice keeps its first reference. */
    @Test
    void unwatchedAndDuplicateKeys() throws InterruptedException {
        Object held = new Object();
        try (SurvivalWatch<String> watch = GcWitness.observe(reports::add)) {
            watch.watch("gone", new WeakReference<>(held));
            assertThat(watch.unwatch("gone")).isTrue();
            assertThat(watch.unwatch("gone")).isFalse();
            assertThat(watch.watch("kept", new WeakReference<>(held))).isTrue();
            assertThat(watch.watch("kept", GcWitnessTest.unreachable())).isFalse();

            SurvivalReport<String> report = nextReport();
            assertThat(report.survivors()).containsExactly(entry("kept", 1));
            assertThat(report.collected()).isEmpty();
        }
        Reference.reachabilityFence(held);
    }

    /** A listener that throws is logged, and the next collection is reported all the same. */
    @Test
    void aFailingListenerDoesNotStopTheWatch() throws InterruptedException {
        Object held = new Object();
        CountDownLatch failed = new CountDownLatch(1);
        try (SurvivalWatch<String> watch = GcWitness.observe(report -> {
            if (failed.getCount() > 0) {
                failed.countDown();
                throw new IllegalStateException("the listener's own bug");
            }
            reports.add(report);
        })) {
            watch.watch("held", new WeakReference<>(held));
            System.gc();
            assertThat(failed.await(30, TimeUnit.SECONDS)).as("the failing report within 30 s").isTrue();
            assertThat(nextReport().survivors()).containsExactly(entry("held", 2));
        }
        Reference.reachabilityFence(held);
    }

    /** A closed watch takes no reference, with a message that says why. */
    @Test
    void aClosedWatchRefusesToWatch() {
        SurvivalWatch<String> watch = GcWitness.observe(reports::add);
        watch.close();
        watch.close();
        assertThatIllegalStateException().isThrownBy(() -> watch.watch("late", new WeakReference<>(null)))
                .withMessage("watch closed: cannot watch late");
        assertThat(watch).hasToString("SurvivalWatch[closed, collectors " + watch.collectors() + "]");
    }

    /** Runs a full collection ({@code System.gc()} is one on this JVM) and takes the next report. */
    private SurvivalReport<String> nextReport() throws InterruptedException {
        System.gc();
        SurvivalReport<String> report = reports.poll(30, TimeUnit.SECONDS);
        assertThat(report).as("a report within 30 s").isNotNull();
        return report;
    }
}
