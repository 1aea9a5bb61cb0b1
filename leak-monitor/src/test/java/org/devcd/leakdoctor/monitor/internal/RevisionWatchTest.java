package org.devcd.leakdoctor.monitor.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import static org.assertj.core.api.Assertions.tuple;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.devcd.leakdoctor.GcWitness;
import org.devcd.leakdoctor.SurvivalReport;

import org.devcd.leakdoctor.monitor.Zombie;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Bundle;
import org.osgi.framework.wiring.BundleWiring;

/**
 * The watch's stages on a real Felix, with the leak doctor's real {@link SurvivalWatch} counting real collections: a
 * removed revision whose loader the test holds becomes a zombie after exactly {@code threshold} full collections, and
 * is announced once; one nobody holds is forgotten after the first; revisions in use are never reported. The test asks
 * for each collection itself ({@code System.gc()}, a full collection) and waits for its report, handed over through a
 * queue: no sleeps.
 */
class RevisionWatchTest {
    private static final Instant REMOVED = Instant.parse("2026-11-30T08:00:00Z");

    private final BlockingQueue<SurvivalReport<Watched>> reports = new LinkedBlockingQueue<>();
    private final List<Zombie> announced = new CopyOnWriteArrayList<>();
    private RevisionWatch watch;

    @BeforeEach
    void watch() {
        // The real survival watch, and each of its reports handed to the test after the watch took it.
        watch = new RevisionWatch(Clock.fixed(REMOVED, ZoneOffset.UTC), 3, announced::add,
                listener -> GcWitness.observe(report -> {
                    listener.afterFullCollection(report);
                    reports.add(report);
                }));
    }

    @AfterEach
    void close() {
        watch.close();
    }

    @Test
    void aHeldRevisionBecomesAZombieAfterThreeFullCollections(@TempDir Path storage) throws Exception {
        try (EmbeddedFelix felix = new EmbeddedFelix(storage)) {
            Bundle leaky = felix.start("org.acme.leaky");
            Bundle inUse = felix.start("org.acme.alive");
            watch.resolved(leaky);
            watch.resolved(inUse);
            ClassLoader held = leaky.adapt(BundleWiring.class).getClassLoader();
            long id = leaky.getBundleId();

            leaky.uninstall();
            felix.refresh(leaky);
            leaky = null;
            watch.sweep();
            assertThat(watch.pending()).extracting(Zombie::revisionName).containsExactly("org.acme.leaky [" + id
                    + "] rev 0");
            assertThat(watch.pending().get(0).removedAt()).isEqualTo(REMOVED);

            fullCollection();
            fullCollection();
            assertThat(announced).isEmpty();
            assertThat(watch.pending()).extracting(Zombie::fullCollections).containsExactly(2);
            fullCollection();
            assertThat(announced).extracting(Zombie::revisionName, Zombie::version, Zombie::fullCollections)
                    .containsExactly(tuple("org.acme.leaky [" + id + "] rev 0", "1.2.3", 3));
            fullCollection();
            assertThat(announced).as("a zombie is announced once").hasSize(1);
            assertThat(watch.zombies()).extracting(Zombie::fullCollections).containsExactly(4);
            assertThat(watch.pending()).isEmpty();
            assertThat(watch.zombie(id).loader.get()).isSameAs(held);

            held = null;
            assertThat(fullCollection().collected()).hasSize(1);
            assertThat(watch.zombies()).as("its loader was collected: forgotten").isEmpty();
            assertThat(watch.zombie(id)).isNull();
        }
    }

    @Test
    void aRevisionNobodyHoldsIsForgottenAtTheFirstFullCollection(@TempDir Path storage) throws Exception {
        try (EmbeddedFelix felix = new EmbeddedFelix(storage)) {
            Bundle clean = felix.start("org.acme.clean");
            watch.resolved(clean);
            clean.uninstall();
            felix.refresh(clean);
            clean = null;
            watch.sweep();
            assertThat(watch.pending()).hasSize(1);

            assertThat(fullCollection().collected()).hasSize(1);
            assertThat(watch.pending()).isEmpty();
            assertThat(watch.zombies()).isEmpty();
            assertThat(announced).isEmpty();
        }
    }

    @Test
    void anUpdatedBundlesOldRevisionIsWatchedApartFromItsNewOne(@TempDir Path storage) throws Exception {
        try (EmbeddedFelix felix = new EmbeddedFelix(storage)) {
            Bundle bundle = felix.start("org.acme.updated");
            watch.resolved(bundle);
            ClassLoader first = bundle.adapt(BundleWiring.class).getClassLoader();
            felix.update(bundle);
            felix.refresh(bundle);
            watch.resolved(bundle);
            watch.sweep();

            assertThat(watch.pending()).extracting(Zombie::revisionName)
                    .containsExactly("org.acme.updated [" + bundle.getBundleId() + "] rev 0");
            for (int i = 0; i < 3; i++) {
                fullCollection();
            }
            assertThat(watch.zombies()).extracting(Zombie::revision).containsExactly(0);
            assertThat(watch.zombie(bundle.getBundleId()).loader.get()).isSameAs(first);
        }
    }

    @Test
    void aThresholdBelowOneIsRefused() {
        assertThatThrownBy(() -> new RevisionWatch(Clock.systemUTC(), 0, z -> { }, GcWitness::observe))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("full.collections");
    }

    /** Runs a full collection and waits, at most 30 s, for the report of one that counted or forgot something. */
    private SurvivalReport<Watched> fullCollection() throws InterruptedException {
        System.gc();
        SurvivalReport<Watched> report = reports.poll(30, TimeUnit.SECONDS);
        assertThat(report).as("a survival report within 30 s of System.gc()").isNotNull();
        return report;
    }
}
