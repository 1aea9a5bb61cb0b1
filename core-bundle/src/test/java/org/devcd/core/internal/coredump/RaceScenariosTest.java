package org.devcd.core.internal.coredump;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import org.devcd.coredump.DiscardReason;
import org.devcd.coredump.DumpInfo;
import org.devcd.coredump.DumpReader;
import org.devcd.coredump.Registration;
import org.junit.jupiter.api.Test;

/**
 * The race scenarios R1-R14 of docs/kernel-lessons.md, each a deterministic interleaving: latches, a manual timer, and threads observed
 * parked where the scenario needs them. No sleeps.
 */
class RaceScenariosTest extends RegistryFixture {

    /** R1: an ADDED consumer that dismisses at once deletes the dump once, and its timer is cancelled. */
    @Test
    void r1_addedConsumerDismissesAtOnce() {
        events.onAdded = info -> registry.dismiss(info.name());
        TestSource source = new TestSource(1);

        register(disk, "sda", source);
        events.deliver(); // the event thread: ADDED, whose consumer dismisses, then the REMOVED that queued

        assertThat(events.delivered).containsExactly("ADDED devcd1", "REMOVED devcd1 DISMISSED");
        assertThat(source.frees).hasValue(1);
        assertThat(timer.isCancelled(0)).isTrue();
    }

    /** R1: a dismiss that lands while the registration is arming its timer waits for it, and the timer is cancelled. */
    @Test
    void r1_dismissBeforeTheTimerExists() throws Exception {
        AtomicReference<Threads.Running<Boolean>> dismisser = new AtomicReference<>();
        timer.onSchedule(armed -> {
            dismisser.set(Threads.start("dismisser", () -> registry.dismiss("devcd1")));
            dismisser.get().awaitBlocked(); // it won the CAS and waits for the registration's reference
        });
        TestSource source = new TestSource(1);

        register(disk, "sda", source);

        assertThat(dismisser.get().join()).isTrue();
        events.deliver();
        assertThat(timer.isCancelled(0)).as("armed after the deletion began, so cancelled by the registration").isTrue();
        assertThat(source.frees).hasValue(1);
        assertThat(events.delivered).containsExactly("ADDED devcd1", "REMOVED devcd1 DISMISSED");
    }

    /** R2: disable racing a dismiss deletes once; the dismiss never re-arms anything. */
    @Test
    void r2_disableRacesADismiss() throws Exception {
        TestSource source = new TestSource(8).blockReads();
        register(disk, "sda", source);
        Threads.Running<Integer> reader = readOnNewThread("devcd1");
        source.readEntered.await();
        Threads.Running<Boolean> dismiss = Threads.start("dismiss", () -> registry.dismiss("devcd1"));
        dismiss.awaitBlocked();
        Threads.Running<Boolean> disable = Threads.start("disable", registry::disable);
        disable.awaitBlocked();

        source.readRelease.countDown();

        assertThat(reader.join()).isEqualTo(8);
        assertThat(dismiss.join()).isTrue();
        assertThat(disable.join()).isTrue();
        events.deliver();
        assertThat(source.frees).hasValue(1);
        assertThat(events.delivered).containsExactly("ADDED devcd1", "REMOVED devcd1 DISMISSED");
    }

    /** R3: a reader holding the dump object after its deletion never reaches the freed data. */
    @Test
    void r3_readerOfAFreedDumpNeverTouchesIt() {
        TestSource source = new TestSource(8);
        register(disk, "sda", source);
        DumpReader reader = registry.open("devcd1");
        timer.fireIfPending(0);

        assertThat(source.frees).hasValue(1);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> reader.read(0, ByteBuffer.allocate(8)))
                .isInstanceOf(org.devcd.coredump.NoSuchDumpException.class).hasMessage("devcd1 was deleted");
        assertThat(source.reads).hasValue(0);
        assertThat(source.readsAfterFree).hasValue(0);
    }

    /** R4: a tiny timeout that fires during the registration deletes the dump only after it is registered. */
    @Test
    void r4_timeoutFiresBeforeRegistrationFinished() throws Exception {
        AtomicReference<Threads.Running<Void>> timerThread = new AtomicReference<>();
        timer.onSchedule(armed -> {
            timerThread.set(Threads.start("timer", () -> {
                armed.task().call();
                return null;
            }));
            timerThread.get().awaitBlocked(); // won the CAS, waits for the registration's reference
        });
        TestSource source = new TestSource(1);

        Registration registration = disk.dumpm("sda", source, Duration.ofNanos(1));

        timerThread.get().join();
        events.deliver();
        assertThat(registration).isEqualTo(new Registration.Registered("devcd1"));
        assertThat(events.delivered).containsExactly("ADDED devcd1", "REMOVED devcd1 TIMEOUT");
        assertThat(source.frees).hasValue(1);
    }

    /** R5: a timer that was already running when its dump was deleted loses the CAS: no second free, no blocking. */
    @Test
    void r5_timerRunningWhileTheDumpIsDeleted() {
        TestSource source = new TestSource(1);
        register(disk, "sda", source);
        registry.dismiss("devcd1");

        timer.fire(0); // the task runs although it was cancelled

        assertThat(source.frees).hasValue(1);
        events.deliver();
        assertThat(events.delivered).containsExactly("ADDED devcd1", "REMOVED devcd1 DISMISSED");
    }

    /** R6: when ADDED is seen, the dump is listed with its metadata and readable. */
    @Test
    void r6_addedIsSeenOnlyWhenTheDumpIsComplete() {
        AtomicReference<List<DumpInfo>> listed = new AtomicReference<>();
        AtomicReference<Integer> read = new AtomicReference<>();
        events.direct = true;
        events.onAdded = info -> {
            listed.set(registry.list());
            try (DumpReader reader = registry.open(info.name())) {
                read.set(reader.read(0, ByteBuffer.allocate(16)));
            }
        };

        register(disk, "sda", new TestSource(16));

        assertThat(listed.get()).extracting(DumpInfo::name, DumpInfo::device, DumpInfo::size)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("devcd1", "sda", 16L));
        assertThat(read.get()).isEqualTo(16);
    }

    /** R7: a dismiss after the timeout fired does nothing: no re-queued deletion of a dead dump. */
    @Test
    void r7_dismissAfterTheTimeoutFired() {
        TestSource source = new TestSource(1);
        register(disk, "sda", source);
        timer.fireIfPending(0);

        assertThat(registry.dismiss("devcd1")).isFalse();
        assertThat(timer.scheduled).hasSize(1);
        assertThat(source.frees).hasValue(1);
    }

    /**
     * R8: no three-way deadlock. A reader is inside the driver; the timeout deletion waits for it; a put waits for the
     * deletion; meanwhile list, status, open and dismiss of other dumps return at once: nobody holds a lock.
     */
    @Test
    void r8_noDeadlockBetweenPutDeleterAndReaders() throws Exception {
        TestSource stuck = new TestSource(8).blockReads();
        register(disk, "sda", stuck);
        TestSource other = new TestSource(4);
        register(disk, "sdb", other);
        Threads.Running<Integer> reader = readOnNewThread("devcd1");
        stuck.readEntered.await();
        Threads.Running<Void> deleter = expireOnTimerThread(0);
        deleter.awaitBlocked();
        Threads.Running<Boolean> put = Threads.start("put", () -> disk.put("sda"));
        put.awaitBlocked();

        assertThat(registry.list()).extracting(DumpInfo::name).containsExactly("devcd2");
        assertThat(registry.status().dumps()).isEqualTo(1);
        try (DumpReader second = registry.open("devcd2")) {
            assertThat(second.read(0, ByteBuffer.allocate(4))).isEqualTo(4);
        }
        assertThat(registry.dismiss("devcd2")).isTrue();

        stuck.readRelease.countDown();
        assertThat(reader.join()).isEqualTo(8);
        deleter.join();
        assertThat(put.join()).isTrue();
        assertThat(stuck.frees).hasValue(1);
        assertThat(stuck.readsAfterFree).hasValue(0);
    }

    /** R9: a dismiss racing a synchronous put: whichever deletes, the put returns only once the dump is freed. */
    @Test
    void r9_dismissRacesASynchronousPut() throws Exception {
        TestSource source = new TestSource(8).blockFree();
        register(disk, "sda", source);
        Threads.Running<Boolean> dismiss = Threads.start("dismiss", () -> registry.dismiss("devcd1"));
        source.freeEntered.await();
        Threads.Running<Boolean> put = Threads.start("put", () -> disk.put("sda"));
        put.awaitBlocked();

        assertThat(put.isDone()).as("put waits for the running deletion").isFalse();
        source.freeRelease.countDown();

        assertThat(put.join()).isTrue();
        assertThat(dismiss.join()).isTrue();
        assertThat(source.frees).hasValue(1);
    }

    /** R10: a put while the timeout deletion runs waits for it; the dump is deleted once, by the timeout. */
    @Test
    void r10_putWhileTheTimeoutDeletionRuns() throws Exception {
        TestSource source = new TestSource(8).blockFree();
        register(disk, "sda", source);
        Threads.Running<Void> deleter = expireOnTimerThread(0);
        source.freeEntered.await();
        Threads.Running<Boolean> put = Threads.start("put", () -> disk.put("sda"));
        put.awaitBlocked();

        source.freeRelease.countDown();

        assertThat(put.join()).isTrue();
        deleter.join();
        events.deliver();
        assertThat(source.frees).hasValue(1);
        assertThat(events.delivered).containsExactly("ADDED devcd1", "REMOVED devcd1 TIMEOUT");
    }

    /** R11: two synchronous deletes at once (disable and put): exactly one deletes, both return after the free. */
    @Test
    void r11_disableAndPutAtOnce() throws Exception {
        TestSource source = new TestSource(8).blockReads();
        register(disk, "sda", source);
        Threads.Running<Integer> reader = readOnNewThread("devcd1");
        source.readEntered.await();
        Threads.Running<Boolean> put = Threads.start("put", () -> disk.put("sda"));
        put.awaitBlocked();
        Threads.Running<Boolean> disable = Threads.start("disable", registry::disable);
        disable.awaitBlocked();

        source.readRelease.countDown();

        reader.join();
        assertThat(put.join()).isTrue();
        assertThat(disable.join()).isTrue();
        events.deliver();
        assertThat(source.frees).hasValue(1);
        assertThat(events.delivered).containsExactly("ADDED devcd1", "REMOVED devcd1 PUT");
    }

    /** R12: disable's sweep meets a dump the timeout is freeing: it waits for that one and deletes the rest. */
    @Test
    void r12_disableMeetsADumpBeingFreed() throws Exception {
        TestSource expiring = new TestSource(1).blockFree();
        register(disk, "sda", expiring);
        TestSource[] others = {new TestSource(1), new TestSource(1), new TestSource(1)};
        for (int i = 0; i < others.length; i++) {
            register(disk, "sd" + (char) ('b' + i), others[i]);
        }
        Threads.Running<Void> deleter = expireOnTimerThread(0);
        expiring.freeEntered.await();
        Threads.Running<Boolean> disable = Threads.start("disable", registry::disable);
        disable.awaitBlocked();

        expiring.freeRelease.countDown();

        assertThat(disable.join()).isTrue();
        deleter.join();
        assertThat(expiring.frees).hasValue(1);
        assertThat(others).allSatisfy(s -> assertThat(s.frees).hasValue(1));
        assertThat(registry.list()).isEmpty();
        assertThat(disk.owner.devices).isEmpty();
    }

    /** R14: two creators for one device at once: the one that arrives second is discarded, and its data freed. */
    @Test
    void r14_twoCreatorsForOneDevice() throws Exception {
        TestSource slow = new TestSource(1).blockSize();
        Threads.Running<Registration> first = Threads.start("first", () -> disk.dumpm("gpu0", slow));
        slow.sizeEntered.await(); // past the disabled check, before the device check
        TestSource fast = new TestSource(1);

        assertThat(disk.dumpm("gpu0", fast).isRegistered()).isTrue();
        slow.sizeRelease.countDown();

        assertThat(first.join()).isEqualTo(
                new Registration.Discarded(DiscardReason.DEVICE_HAS_DUMP, "device 'gpu0' already has devcd1"));
        assertThat(slow.frees).hasValue(1);
        assertThat(fast.frees).hasValue(0);
        assertThat(registry.list()).extracting(DumpInfo::name).containsExactly("devcd1");
    }
}
