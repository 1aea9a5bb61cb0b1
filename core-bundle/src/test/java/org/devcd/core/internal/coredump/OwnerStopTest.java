package org.devcd.core.internal.coredump;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.util.List;

import org.devcd.coredump.DiscardReason;
import org.devcd.coredump.DumpInfo;
import org.devcd.coredump.DumpReader;
import org.devcd.coredump.NoSuchDumpException;
import org.devcd.coredump.Registration;
import org.junit.jupiter.api.Test;

/** A driver bundle that stops takes its dumps with it, synchronously, and nothing of it stays in the registry. */
class OwnerStopTest extends RegistryFixture {
    private final DriverCoredumps gpu = DriverCoredumps.attach(registry, 8, "org.example.gpu", "2.0.0");

    /** Detach deletes exactly the owner's dumps, frees each once, says DRIVER_STOPPED, and leaves others alone. */
    @Test
    void detachDeletesExactlyTheOwnersDumps() {
        TestSource a = new TestSource(1);
        TestSource b = new TestSource(1);
        TestSource other = new TestSource(1);
        register(disk, "sda", a);
        register(gpu, "gpu0", other);
        register(disk, "sdb", b);

        disk.detach();
        events.deliver();

        assertThat(a.frees).hasValue(1);
        assertThat(b.frees).hasValue(1);
        assertThat(other.frees).hasValue(0);
        assertThat(registry.list()).extracting(DumpInfo::name).containsExactly("devcd2");
        assertThat(events.delivered).contains("REMOVED devcd1 DRIVER_STOPPED", "REMOVED devcd3 DRIVER_STOPPED");
        assertThat(disk.owner.devices).isEmpty();
        assertThat(timer.isCancelled(0)).isTrue();
    }

    /** After detach, the owner's service discards every registration and frees its data at once. */
    @Test
    void aDetachedServiceDiscards() {
        disk.detach();
        TestSource late = new TestSource(1);

        Registration registration = disk.dumpm("sda", late);

        assertThat(registration).isInstanceOf(Registration.Discarded.class);
        assertThat(((Registration.Discarded) registration).reason()).isEqualTo(DiscardReason.DRIVER_STOPPING);
        assertThat(((Registration.Discarded) registration).detail())
                .isEqualTo("bundle org.example.disk 1.0.0 [7] is stopping or released the coredump service");
        assertThat(late.frees).hasValue(1);
    }

    /** A read in flight during the stop: the stop waits for it, the read completes, later reads say the dump is gone. */
    @Test
    void stopWaitsForTheReadInFlight() throws Exception {
        TestSource source = new TestSource(8).blockReads();
        register(disk, "sda", source);
        DumpReader reader = registry.open("devcd1");
        Threads.Running<Integer> read = Threads.start("reader", () -> reader.read(0, ByteBuffer.allocate(8)));
        source.readEntered.await();
        Threads.Running<Void> stop = Threads.run("stop", disk::detach);
        stop.awaitBlocked();

        assertThat(stop.isDone()).isFalse();
        assertThat(source.frees).hasValue(0);
        source.readRelease.countDown();

        assertThat(read.join()).isEqualTo(8);
        stop.join();
        assertThat(source.frees).hasValue(1);
        try {
            reader.read(0, ByteBuffer.allocate(8));
            throw new AssertionError("read after the stop succeeded");
        } catch (NoSuchDumpException expected) {
            assertThat(expected).hasMessage("devcd1 was deleted");
        }
    }

    /**
     * A registration in flight when the stop begins is waited for, and discarded: nothing goes live under an owner
     * whose stop began. Its data is freed once, by the registering thread.
     */
    @Test
    void stopWaitsForARegistrationInFlight() throws Exception {
        TestSource slow = new TestSource(1).blockSize();
        Threads.Running<Registration> registering = Threads.start("register", () -> disk.dumpm("sda", slow));
        slow.sizeEntered.await();
        Threads.Running<Void> stop = Threads.run("stop", disk::detach);
        stop.awaitBlocked();

        slow.sizeRelease.countDown();

        assertThat(registering.join()).isEqualTo(new Registration.Discarded(DiscardReason.DRIVER_STOPPING,
                "bundle org.example.disk 1.0.0 [7] is stopping or released the coredump service"));
        stop.join();
        assertThat(slow.frees).hasValue(1);
        assertThat(registry.list()).isEmpty();
    }

    /** A stop meets a dump whose timeout deletion is freeing it: it waits for that free before returning. */
    @Test
    void stopWaitsForADeletionAnotherPathRuns() throws Exception {
        TestSource source = new TestSource(1).blockFree();
        register(disk, "sda", source);
        Threads.Running<Void> expiring = expireOnTimerThread(0);
        source.freeEntered.await();
        Threads.Running<Void> stop = Threads.run("stop", disk::detach);
        stop.awaitBlocked();

        source.freeRelease.countDown();

        stop.join();
        expiring.join();
        assertThat(source.frees).hasValue(1);
        assertThat(disk.owner.callbacks.isDrained()).isTrue();
    }

    /**
     * Core shutdown deletes every owner's dumps (SHUTDOWN), then every registration is discarded REGISTRY_CLOSED with
     * its data freed at once: through the services of owners that existed and of one attached after the shutdown.
     */
    @Test
    void afterShutdownEveryRegistrationIsDiscarded() {
        TestSource listed = new TestSource(1);
        register(disk, "sda", listed);

        registry.shutdown();
        events.deliver();
        DriverCoredumps late = DriverCoredumps.attach(registry, 9, "org.example.late", "1.0.0");
        List<TestSource> refused = List.of(new TestSource(1), new TestSource(1), new TestSource(1));
        List<Registration> registrations = List.of(disk.dumpm("sdb", refused.get(0)), gpu.dumpm("gpu0", refused.get(1)),
                late.dumpm("nvme0", refused.get(2)));

        assertThat(listed.frees).hasValue(1);
        assertThat(events.delivered).contains("REMOVED devcd1 SHUTDOWN");
        assertThat(registrations).allSatisfy(r -> {
            assertThat(r).isInstanceOf(Registration.Discarded.class);
            assertThat(((Registration.Discarded) r).reason()).isEqualTo(DiscardReason.REGISTRY_CLOSED);
            assertThat(((Registration.Discarded) r).detail()).isEqualTo("the coredump registry is shut down");
        });
        assertThat(refused).allSatisfy(source -> assertThat(source.frees).hasValue(1));
        assertThat(registry.list()).isEmpty();
    }
}
