package org.devcd.core.internal.coredump;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.util.concurrent.CountDownLatch;

import org.devcd.coredump.DumpReader;
import org.devcd.coredump.Registration;
import org.junit.jupiter.api.Test;

/** The invariants I1-I7 of docs/kernel-lessons.md, one deterministic test each. */
class InvariantsTest extends RegistryFixture {

    /** I1: every delete path after the first finds the dump gone; it is deleted and announced exactly once. */
    @Test
    void i1_deletedExactlyOnce() {
        TestSource source = new TestSource(1);
        register(disk, "sda", source);
        Dump dump = dump(disk, "devcd1");

        timer.fire(0);
        assertThat(dump.phase()).isEqualTo(Dump.FREED);
        timer.fire(0);
        assertThat(registry.dismiss("devcd1")).isFalse();
        assertThat(disk.put("sda")).isFalse();
        registry.disable();

        events.deliver();
        assertThat(source.frees).hasValue(1);
        assertThat(events.delivered).containsExactly("ADDED devcd1", "REMOVED devcd1 TIMEOUT");
    }

    /** I2: free waits for the read in flight; the data is readable exactly while listed. */
    @Test
    void i2_freeRunsAfterEveryReadInFlight() throws Exception {
        TestSource source = new TestSource(8).blockReads();
        register(disk, "sda", source);
        DumpReader reader = registry.open("devcd1");
        Threads.Running<Integer> read = Threads.start("reader", () -> reader.read(0, ByteBuffer.allocate(8)));
        source.readEntered.await();
        Threads.Running<Boolean> dismiss = Threads.start("dismiss", () -> registry.dismiss("devcd1"));
        dismiss.awaitBlocked();

        assertThat(registry.list()).as("unlisted at once").isEmpty();
        assertThat(source.frees).as("not freed under the read").hasValue(0);
        source.readRelease.countDown();

        assertThat(read.join()).isEqualTo(8);
        assertThat(dismiss.join()).isTrue();
        assertThat(source.frees).hasValue(1);
        assertThat(source.readsAfterFree).hasValue(0);
    }

    /** I3: nothing deletes a dump before its registration finished: put and dismiss find nothing to delete. */
    @Test
    void i3_nothingDeletesARegisteringDump() throws Exception {
        CountDownLatch armed = new CountDownLatch(1);
        CountDownLatch proceed = new CountDownLatch(1);
        timer.onSchedule(entry -> {
            armed.countDown();
            await(proceed);
        });
        TestSource source = new TestSource(1);
        Threads.Running<Registration> registering = Threads.start("register", () -> disk.dumpm("sda", source));
        armed.await(); // LIVE, timer being armed, the registration's reference still held

        Threads.Running<Boolean> put = Threads.start("put", () -> disk.put("sda"));
        put.awaitBlocked(); // found it LIVE and waits for the registration to let go
        assertThat(source.frees).hasValue(0);
        proceed.countDown();

        assertThat(registering.join().isRegistered()).isTrue();
        assertThat(put.join()).isTrue();
        events.deliver();
        assertThat(events.delivered).containsExactly("ADDED devcd1", "REMOVED devcd1 PUT");
        assertThat(source.frees).hasValue(1);
    }

    /** I4: a dismiss during a running deletion does not re-arm it and reports that it deleted nothing. */
    @Test
    void i4_dismissNeverReArmsADeletion() throws Exception {
        TestSource source = new TestSource(1).blockFree();
        register(disk, "sda", source);
        Threads.Running<Void> expiring = expireOnTimerThread(0);
        source.freeEntered.await();

        assertThat(registry.dismiss("devcd1")).isFalse();
        assertThat(timer.scheduled).hasSize(1);
        source.freeRelease.countDown();
        expiring.join();
        assertThat(source.frees).hasValue(1);
    }

    /** I5: a synchronous delete waits for a deletion already running and prevents any later one. */
    @Test
    void i5_synchronousDeleteWaitsForTheRunningOne() throws Exception {
        TestSource source = new TestSource(1).blockFree();
        register(disk, "sda", source);
        Threads.Running<Boolean> dismiss = Threads.start("dismiss", () -> registry.dismiss("devcd1"));
        source.freeEntered.await();
        Threads.Running<Boolean> put = Threads.start("put", () -> disk.put("sda"));
        put.awaitBlocked();

        source.freeRelease.countDown();

        assertThat(put.join()).isTrue();
        assertThat(source.frees).as("freed when put returned").hasValue(1);
        assertThat(dismiss.join()).isTrue();
        assertThat(disk.put("sda")).isFalse();
        timer.fire(0);
        assertThat(source.frees).hasValue(1);
    }

    /** I6: the deleter holds its own reference: the dump object stays valid until its deletion finished. */
    @Test
    void i6_deleterHoldsItsOwnReference() throws Exception {
        TestSource source = new TestSource(1).blockFree();
        register(disk, "sda", source);
        Dump dump = dump(disk, "devcd1");
        Threads.Running<Boolean> dismiss = Threads.start("dismiss", () -> registry.dismiss("devcd1"));
        source.freeEntered.await();

        assertThat(dump.phase()).isEqualTo(Dump.FREEING);
        assertThat(disk.owner.devices).as("still tracked while its deleter works").containsValue(dump);
        source.freeRelease.countDown();
        assertThat(dismiss.join()).isTrue();
        assertThat(dump.phase()).isEqualTo(Dump.FREED);
        assertThat(dump.source()).as("the driver's data is no longer referenced").isNull();
        assertThat(disk.owner.devices).isEmpty();
    }

    /** I7: while a deleter waits on a reader inside the driver, readers and dismissers of other dumps go on. */
    @Test
    void i7_noDeleterHoldsWhatOthersNeed() throws Exception {
        TestSource stuck = new TestSource(8).blockReads();
        register(disk, "sda", stuck);
        TestSource other = new TestSource(8);
        register(disk, "sdb", other);
        Threads.Running<Integer> read = readOnNewThread("devcd1");
        stuck.readEntered.await();
        Threads.Running<Void> deleter = expireOnTimerThread(0);
        deleter.awaitBlocked();

        try (DumpReader second = registry.open("devcd2")) {
            assertThat(second.read(0, ByteBuffer.allocate(8))).isEqualTo(8);
        }
        assertThat(registry.dismiss("devcd2")).isTrue();
        assertThat(other.frees).hasValue(1);
        assertThat(stuck.frees).hasValue(0);
        stuck.readRelease.countDown();
        assertThat(read.join()).isEqualTo(8);
        deleter.join();
        assertThat(stuck.frees).hasValue(1);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
