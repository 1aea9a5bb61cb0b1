package org.devcd.core.internal.coredump;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.devcd.coredump.DiscardReason;
import org.devcd.coredump.Registration;
import org.junit.jupiter.api.Test;

/**
 * A driver's stop races its own registrations and other delete paths. Whoever wins, every dump is freed exactly once,
 * by a thread inside the driver's callbacks gate before the stop returns, or by the registering thread itself; no dump
 * goes live under a stopped owner.
 */
class StopRacesTest extends RegistryFixture {

    /**
     * A registration still REGISTERING when the stop's drain of registrations times out is discarded with
     * DRIVER_STOPPING when it goes on, its data freed by its own thread, and it is never listed or announced.
     */
    @Test
    void aRegistrationThatOutlivesTheStopsDrainIsDiscarded() throws Exception {
        warningsExpected = true;
        registry.configure(new RegistryConfig(CONFIG.defaultTimeout(), CONFIG.maxDumpBytes(), CONFIG.maxDumps(),
                CONFIG.maxTotalBytes(), Duration.ofMillis(50)));
        TestSource slow = new TestSource(1).blockSize();
        Threads.Running<Registration> registering = Threads.start("register", () -> disk.dumpm("sda", slow));
        slow.sizeEntered.await();

        disk.detach(); // its drain of registrations times out

        assertThat(logged.at(java.util.logging.Level.SEVERE)).singleElement().asString()
                .contains("registrations of org.example.disk 1.0.0 [7] still in flight").contains("[register]");
        slow.sizeRelease.countDown();
        assertThat(registering.join()).isEqualTo(new Registration.Discarded(DiscardReason.DRIVER_STOPPING,
                "bundle org.example.disk 1.0.0 [7] is stopping or released the coredump service"));
        assertThat(slow.frees).hasValue(1);
        assertThat(registry.list()).isEmpty();
        assertThat(registry.status().dumps()).isZero();
        events.deliver();
        assertThat(events.delivered).isEmpty();
    }

    /** A stop meets a dismiss that is inside the driver's free(): it waits for it; the free ran once, before it returned. */
    @Test
    void aStopWaitsForADismissInsideFree() throws Exception {
        TestSource source = new TestSource(1).blockFree();
        register(disk, "sda", source);
        Threads.Running<Boolean> dismiss = Threads.start("dismiss", () -> registry.dismiss("devcd1"));
        source.freeEntered.await();
        Threads.Running<Void> stop = Threads.run("stop", disk::detach);
        stop.awaitBlocked();

        source.freeRelease.countDown();

        stop.join();
        assertThat(dismiss.join()).isTrue();
        assertThat(source.frees).hasValue(1);
        events.deliver();
        assertThat(events.delivered).containsExactly("ADDED devcd1", "REMOVED devcd1 DISMISSED");
    }

    /** A stop meets a dismiss waiting for a read: the read ends, the dismiss frees inside the still open gate. */
    @Test
    void aStopWaitsForADismissWaitingForARead() throws Exception {
        TestSource source = new TestSource(8).blockReads();
        register(disk, "sda", source);
        Threads.Running<Integer> read = readOnNewThread("devcd1");
        source.readEntered.await();
        Threads.Running<Boolean> dismiss = Threads.start("dismiss", () -> registry.dismiss("devcd1"));
        dismiss.awaitBlocked();
        Threads.Running<Void> stop = Threads.run("stop", disk::detach);
        stop.awaitBlocked();

        source.readRelease.countDown();

        assertThat(read.join()).isEqualTo(8);
        assertThat(dismiss.join()).isTrue();
        stop.join();
        assertThat(source.frees).hasValue(1);
        assertThat(source.readsAfterFree).hasValue(0);
    }
}
