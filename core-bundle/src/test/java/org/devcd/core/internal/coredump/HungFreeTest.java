package org.devcd.core.internal.coredump;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;

import org.devcd.coredump.DumpInfo;
import org.devcd.coredump.Registration;
import org.junit.jupiter.api.Test;

/**
 * A driver whose {@code free()} hangs delays only its own dumps: on real registry threads, another driver's timeouts
 * fire, its dumps can be listed, read and dismissed, and the stops stay bounded while the hung free is still inside.
 */
class HungFreeTest {
    private static final Duration BOUND = Duration.ofMillis(300);

    @Test
    void aHungFreeStallsNobodyElse() throws Exception {
        DumpRegistry registry = DumpRegistry.start(new RegistryConfig(Duration.ofMinutes(5), 1 << 20, 100, 1 << 24,
                BOUND), DumpListener.NONE);
        DriverCoredumps hung = DriverCoredumps.attach(registry, 7, "org.example.hung", "1.0.0");
        DriverCoredumps healthy = DriverCoredumps.attach(registry, 8, "org.example.healthy", "1.0.0");
        TestSource stuck = new TestSource(4).blockFree();
        TestSource stuckToo = new TestSource(4);
        try (LogCapture log = new LogCapture()) {
            assertThat(hung.dumpm("dev0", stuck, Duration.ofMillis(1)).isRegistered()).isTrue();
            assertThat(hung.dumpm("dev1", stuckToo).isRegistered()).isTrue();
            assertThat(stuck.freeEntered.await(10, TimeUnit.SECONDS)).as("the timeout fired and free() hangs").isTrue();

            TestSource expiring = new TestSource(4);
            assertThat(healthy.dumpm("gpu0", expiring, Duration.ofMillis(1)).isRegistered()).isTrue();
            assertThat(expiring.freeEntered.await(10, TimeUnit.SECONDS)).as("another driver's timeout fires").isTrue();

            TestSource kept = new TestSource(4);
            String name = ((Registration.Registered) healthy.dumpm("gpu1", kept)).name();
            assertThat(registry.list()).extracting(DumpInfo::name).contains(name);
            assertThat(registry.open(name).read(0, ByteBuffer.allocate(4))).isEqualTo(4);
            assertThat(registry.dismiss(name)).isTrue();
            assertThat(kept.frees).hasValue(1);

            assertTimeoutPreemptively(BOUND.plus(Sweep.SLACK).plusSeconds(2), hung::detach);
            assertThat(stuckToo.frees).as("the hung driver's other dump, freed by its stop").hasValue(1);
            assertTimeoutPreemptively(BOUND.plus(Sweep.SLACK).plusSeconds(2), registry::shutdown);
            assertThat(log.at(Level.SEVERE)).anySatisfy(error -> assertThat(error)
                    .contains("stop of org.example.hung 1.0.0 [7] exceeded drainTimeout")
                    .contains("devcd-coredump-free"));
        } finally {
            stuck.freeRelease.countDown();
        }
        assertThat(stuck.frees.get()).isLessThanOrEqualTo(1);
    }

}
