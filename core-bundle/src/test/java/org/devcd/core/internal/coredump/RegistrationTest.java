package org.devcd.core.internal.coredump;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import org.devcd.coredump.DiscardReason;
import org.devcd.coredump.DumpInfo;
import org.devcd.coredump.DumpReader;
import org.devcd.coredump.NoSuchDumpException;
import org.devcd.coredump.Registration;
import org.junit.jupiter.api.Test;

class RegistrationTest extends RegistryFixture {

    /** Names are devcdN from 1, and the listing shows owner, device, size, created and deadline. */
    @Test
    void registeredDumpsAreListedWithTheirMetadata() {
        assertThat(disk.dumpv("sda", new byte[10])).isEqualTo(new Registration.Registered("devcd1"));
        assertThat(disk.dumpm("sdb", new TestSource(20), Duration.ofSeconds(30)))
                .isEqualTo(new Registration.Registered("devcd2"));

        assertThat(registry.list()).containsExactly(
                new DumpInfo("devcd1", "org.example.disk", "1.0.0", "sda", 10, NOW, NOW.plus(Duration.ofMinutes(5))),
                new DumpInfo("devcd2", "org.example.disk", "1.0.0", "sdb", 20, NOW, NOW.plusSeconds(30)));
        assertThat(timer.get(0).delay()).isEqualTo(Duration.ofMinutes(5));
        assertThat(timer.get(1).delay()).isEqualTo(Duration.ofSeconds(30));
    }

    /** A dumpv is read back exactly, to the end, where a read says -1. */
    @Test
    void dumpvReadsBackExactly() {
        byte[] data = "kernel panic".getBytes(StandardCharsets.US_ASCII);
        disk.dumpv("sda", data);

        try (DumpReader reader = registry.open("devcd1")) {
            ByteBuffer buffer = ByteBuffer.allocate(64);
            assertThat(reader.read(0, buffer)).isEqualTo(data.length);
            assertThat(new String(buffer.array(), 0, buffer.position(), StandardCharsets.US_ASCII))
                    .isEqualTo("kernel panic");
            assertThat(reader.read(data.length, ByteBuffer.allocate(8))).isEqualTo(-1);
            assertThat(reader.read(data.length + 100, ByteBuffer.allocate(8))).isEqualTo(-1);
        }
    }

    /** A dumpsg reads as its chunks in order, across chunk boundaries, at any offset. */
    @Test
    void dumpsgReadsAcrossChunks() {
        disk.dumpsg("sda", List.of(ByteBuffer.wrap(new byte[] {0, 1, 2}), ByteBuffer.wrap(new byte[] {}),
                ByteBuffer.wrap(new byte[] {3, 4}), ByteBuffer.wrap(new byte[] {5, 6, 7, 8})));

        try (DumpReader reader = registry.open("devcd1")) {
            assertThat(reader.info().size()).isEqualTo(9);
            ByteBuffer buffer = ByteBuffer.allocate(5);
            assertThat(reader.read(2, buffer)).isEqualTo(5);
            assertThat(buffer.array()).containsExactly(2, 3, 4, 5, 6);
            assertThat(reader.read(9, ByteBuffer.allocate(1))).isEqualTo(-1);
        }
    }

    /** A read copies at most the buffer's room and at most to the end of the dump. */
    @Test
    void readIsBoundedByBufferAndEnd() {
        TestSource source = new TestSource(100);
        register(disk, "sda", source);

        try (DumpReader reader = registry.open("devcd1")) {
            ByteBuffer small = ByteBuffer.allocate(30);
            assertThat(reader.read(0, small)).isEqualTo(30);
            ByteBuffer large = ByteBuffer.allocate(1000);
            assertThat(reader.read(90, large)).isEqualTo(10);
            assertThat(large.position()).isEqualTo(10);
            assertThat(reader.read(0, ByteBuffer.allocate(0))).isZero();
        }
    }

    /** One dump per device: a second is discarded, naming the first, and its data freed at once. */
    @Test
    void secondDumpOfADeviceIsDiscarded() {
        register(disk, "sda", new TestSource(1));
        TestSource second = new TestSource(1);

        assertThat(disk.dumpm("sda", second)).isEqualTo(
                new Registration.Discarded(DiscardReason.DEVICE_HAS_DUMP, "device 'sda' already has devcd1"));
        assertThat(second.frees).hasValue(1);
        assertThat(registry.list()).hasSize(1);
    }

    /** Devices are per bundle: two drivers may each have a dump of a device named alike. */
    @Test
    void devicesAreUniquePerBundle() {
        DriverCoredumps gpu = DriverCoredumps.attach(registry, 8, "org.example.gpu", "2.1.0");
        register(disk, "dev0", new TestSource(1));

        assertThat(gpu.dumpm("dev0", new TestSource(1)).isRegistered()).isTrue();
        assertThat(registry.list()).extracting(DumpInfo::bundleSymbolicName)
                .containsExactly("org.example.disk", "org.example.gpu");
    }

    /** Names are never reused, also after deletions and discards. */
    @Test
    void namesAreNeverReused() {
        register(disk, "sda", new TestSource(1));
        registry.dismiss("devcd1");
        disk.dumpm("sdb", new TestSource(1));
        disk.dumpm("sdb", new TestSource(1)); // discarded, but its number is spent, as the kernel's counter is

        assertThat(register(disk, "sdc", new TestSource(1))).isEqualTo("devcd4");
        assertThat(registry.status().registered()).as("three went live; the discarded one did not").isEqualTo(3);
    }

    /** A reader of an unknown name, and a read of a dismissed dump, say the dump is gone. */
    @Test
    void unknownAndDeletedDumpsSaySo() {
        register(disk, "sda", new TestSource(4));
        DumpReader reader = registry.open("devcd1");
        registry.dismiss("devcd1");

        assertThatThrownBy(() -> registry.open("devcd9")).isInstanceOf(NoSuchDumpException.class)
                .hasMessage("no dump named 'devcd9'");
        assertThatThrownBy(() -> reader.read(0, ByteBuffer.allocate(4))).isInstanceOf(NoSuchDumpException.class)
                .hasMessage("devcd1 was deleted");
        reader.close();
        assertThatThrownBy(() -> reader.read(0, ByteBuffer.allocate(4))).isInstanceOf(IllegalStateException.class)
                .hasMessage("the reader of devcd1 is closed");
    }

    /** Events: ADDED after registration, REMOVED with the reason after the free, in order. */
    @Test
    void eventsAnnounceAdditionAndRemoval() {
        TestSource source = new TestSource(1);
        register(disk, "sda", source);
        registry.dismiss("devcd1");
        events.deliver();

        assertThat(events.delivered).containsExactly("ADDED devcd1", "REMOVED devcd1 DISMISSED");
        assertThat(source.frees).hasValue(1);
    }

    /** The timeout deletes the dump, frees it once and says TIMEOUT. */
    @Test
    void timeoutDeletesTheDump() {
        TestSource source = new TestSource(1);
        register(disk, "sda", source);

        timer.fireIfPending(0);
        events.deliver();

        assertThat(registry.list()).isEmpty();
        assertThat(source.frees).hasValue(1);
        assertThat(events.delivered).containsExactly("ADDED devcd1", "REMOVED devcd1 TIMEOUT");
    }

    /** Status counts dumps and bytes held and shows the settings. */
    @Test
    void statusCountsWhatIsHeld() {
        register(disk, "sda", new TestSource(100));
        disk.dumpv("sdb", new byte[50]);

        assertThat(registry.status()).satisfies(s -> {
            assertThat(s.dumps()).isEqualTo(2);
            assertThat(s.bytes()).isEqualTo(150);
            assertThat(s.disabled()).isFalse();
            assertThat(s.defaultTimeout()).isEqualTo(Duration.ofMinutes(5));
            assertThat(s.drainTimeout()).isEqualTo(Duration.ofSeconds(30));
        });
        registry.dismiss("devcd1");
        assertThat(registry.status().bytes()).isEqualTo(50);
    }

    /** Disable is write-once: it deletes what is listed, discards what comes, and a second call changes nothing. */
    @Test
    void disableIsWriteOnce() {
        TestSource listed = new TestSource(1);
        register(disk, "sda", listed);

        assertThat(registry.disable()).isTrue();
        TestSource late = new TestSource(1);
        assertThat(disk.dumpm("sdb", late))
                .isEqualTo(new Registration.Discarded(DiscardReason.DISABLED, "coredumps are disabled"));
        assertThat(registry.disable()).isFalse();

        events.deliver();
        assertThat(listed.frees).hasValue(1);
        assertThat(late.frees).hasValue(1);
        assertThat(registry.status().disabled()).isTrue();
        assertThat(events.delivered).containsExactly("ADDED devcd1", "REMOVED devcd1 DISABLED");
    }

    /** put deletes the driver's dump of a device synchronously, and says whether there was one. */
    @Test
    void putDeletesTheDumpOfADevice() {
        TestSource source = new TestSource(1);
        register(disk, "sda", source);

        assertThat(disk.put("sda")).isTrue();
        assertThat(source.frees).hasValue(1);
        assertThat(disk.put("sda")).isFalse();
        assertThat(timer.isCancelled(0)).isTrue();
    }

    /** A configuration change applies to new dumps; a bad one is rejected whole and the old one stays. */
    @Test
    void configurationChangesApplyToNewDumps() {
        registry.configure(new RegistryConfig(Duration.ofSeconds(1), 10, 100, 1000, Duration.ofSeconds(30)));
        assertThat(disk.dumpv("sda", new byte[11]).isRegistered()).isFalse();
        register(disk, "sdb", new TestSource(10));
        assertThat(timer.get(0).delay()).isEqualTo(Duration.ofSeconds(1));

        RegistryConfig bad = new RegistryConfig(Duration.ZERO, -1, 100, 1000, Duration.ofSeconds(-1));
        assertThatThrownBy(() -> registry.configure(bad)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("timeout.seconds: 0 (expected: 1 to 31536000); max.dump.bytes: -1 (expected: >= 0); "
                        + "drain.timeout.millis: -1000 (expected: >= 0)");
        assertThat(registry.config().maxDumpBytes()).isEqualTo(10);
    }

    /** With {@link DumpListener#NONE} nothing is queued for delivery, and the dump's life is otherwise the same. */
    @Test
    void withoutAListenerNoEventIsQueued() {
        java.util.concurrent.atomic.AtomicInteger queued = new java.util.concurrent.atomic.AtomicInteger();
        DumpRegistry quiet = RegistryFixture.registry(CONFIG, new ManualTimer(), task -> queued.incrementAndGet(),
                DumpListener.NONE);
        DriverCoredumps driver = DriverCoredumps.attach(quiet, 9, "org.example.quiet", "1.0.0");
        TestSource source = new TestSource(4);

        String name = register(driver, "sda", source);
        assertThat(quiet.list()).extracting(d -> d.name()).containsExactly(name);
        assertThat(quiet.dismiss(name)).isTrue();

        assertThat(queued).hasValue(0);
        assertThat(source.frees).hasValue(1);
        assertThat(quiet.list()).isEmpty();
    }
}
