package org.devcd.core.internal.coredump;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.devcd.coredump.DiscardReason;
import org.devcd.coredump.DumpReadException;
import org.devcd.coredump.DumpReader;
import org.devcd.coredump.DumpSource;
import org.devcd.coredump.Registration;
import org.junit.jupiter.api.Test;

/** Bad input gets a clear error or reason, the data is still freed, and no other dump or driver is affected. */
class BadInputTest extends RegistryFixture {
    private final TestSource bystander = new TestSource(4);

    BadInputTest() {
        register(disk, "bystander", bystander);
    }

    /**
     * Null, empty, blank, too long, invisible or control-character device names are refused, and the data is freed:
     * every kind of space (no-break, ideographic), separators, zero-width and other format characters, an unpaired
     * surrogate. The length counts characters (code points), not UTF-16 units.
     */
    @Test
    void badDeviceNamesAreRefused() {
        String tooLong = "d".repeat(129);
        String emoji = "\uD83D\uDCBE"; // one character, two UTF-16 units
        for (String device : Arrays.asList(null, "", " ", "a b", "tab\t", tooLong, "a\u00a0b", "a\u3000b", "a\u2028b",
                "a\u200bb", "a\u00adb", "\uD800", "a\uE000b", "a\u0378b", emoji.repeat(129))) {
            TestSource source = new TestSource(1);
            assertThatThrownBy(() -> disk.dumpm(device, source)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("device: " + (device == null ? "null" : "'" + device + "'")
                            + " (expected: 1 to 128 printable characters, no spaces)");
            assertThat(source.frees).hasValue(1);
        }
        assertThatThrownBy(() -> disk.put("")).hasMessage("device: '' (expected: 1 to 128 printable characters, "
                + "no spaces)");
        for (String device : List.of(emoji.repeat(128), "d".repeat(128), "gpu0:ring-3", "диск", "磁盘0", "e\u0301")) {
            TestSource source = new TestSource(1);
            assertThat(disk.dumpm(device, source)).as(device).isInstanceOf(Registration.Registered.class);
            assertThat(disk.put(device)).isTrue();
            assertThat(source.frees).hasValue(1);
        }
        assertBystanderUnharmed();
    }

    /** A zero, negative or absurd timeout is refused with its value, and the data is freed. */
    @Test
    void badTimeoutsAreRefused() {
        TestSource source = new TestSource(1);
        assertThatThrownBy(() -> disk.dumpm("sda", source, Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("timeout: PT-1S (expected: > 0 and <= PT8760H)");
        assertThat(source.frees).hasValue(1);
        TestSource forever = new TestSource(1);
        assertThatThrownBy(() -> disk.dumpm("sda", forever, Duration.ofSeconds(Long.MAX_VALUE)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("timeout: PT2562047788015215H30M7S (expected: > 0 and <= PT8760H)");
        assertThat(forever.frees).hasValue(1);
        assertThat(registry.status().dumps()).as("nothing reserved").isEqualTo(1);
        TestSource noTimeout = new TestSource(1);
        assertThatThrownBy(() -> disk.dumpm("sda", noTimeout, null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("timeout: null (expected: > 0 and <= PT8760H)");
        assertThat(noTimeout.frees).as("once the call has the data, it frees it on every path").hasValue(1);
        assertThatThrownBy(() -> disk.dumpv("sda", null)).isInstanceOf(NullPointerException.class).hasMessage("data");
        assertThatThrownBy(() -> disk.dumpsg("sda", Arrays.asList(ByteBuffer.allocate(1), null)))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("chunks[1]: null (expected: a buffer)");
        assertBystanderUnharmed();
    }

    /** A negative size, an absurd size, and a size() that throws are discarded with the reason, and freed. */
    @Test
    void badSizesAreDiscarded() {
        warningsExpected = true; // the throwing size() is logged
        FakeSource negative = new FakeSource(-1);
        FakeSource absurd = new FakeSource(Long.MAX_VALUE);
        FakeSource throwing = new FakeSource(0) {
            @Override
            public long size() {
                throw new IllegalStateException("device unplugged");
            }
        };

        assertThat(disk.dumpm("a", negative)).isEqualTo(
                new Registration.Discarded(DiscardReason.SOURCE_FAILED, "size() returned -1 (expected: >= 0)"));
        assertThat(disk.dumpm("b", absurd)).isEqualTo(new Registration.Discarded(DiscardReason.TOO_LARGE,
                "a dump of 9223372036854775807 bytes exceeds maxDumpBytes 1048576"));
        assertThat(disk.dumpm("c", throwing)).isEqualTo(new Registration.Discarded(DiscardReason.SOURCE_FAILED,
                "size() threw java.lang.IllegalStateException: device unplugged"));
        assertThat(List.of(negative, absurd, throwing)).allSatisfy(s -> assertThat(s.frees).hasValue(1));
        assertBystanderUnharmed();
    }

    /** A read that returns a garbage count is an error naming the dump; the dump stays listed and readable. */
    @Test
    void garbageReadLengthsAreErrors() {
        FakeSource liar = new FakeSource(100) {
            @Override
            public int read(long offset, ByteBuffer dst) {
                return 9999;
            }
        };
        register(disk, "liar", liar);

        try (DumpReader reader = registry.open("devcd2")) {
            assertThatThrownBy(() -> reader.read(0, ByteBuffer.allocate(10))).isInstanceOf(DumpReadException.class)
                    .hasMessage("devcd2 (bundle org.example.disk 1.0.0 [7]): read at offset 0 returned 9999 and "
                            + "advanced the buffer by 0 (expected: the same count, 1 to 10)");
        }
        assertThat(registry.list()).hasSize(2);
        assertBystanderUnharmed();
    }

    /** A read that throws is an error naming the dump and the driver's exception; other reads go on. */
    @Test
    void throwingReadsAreErrors() {
        warningsExpected = true;
        FakeSource broken = new FakeSource(100) {
            @Override
            public int read(long offset, ByteBuffer dst) {
                throw new IllegalStateException("DMA fault");
            }
        };
        register(disk, "broken", broken);

        try (DumpReader reader = registry.open("devcd2")) {
            assertThatThrownBy(() -> reader.read(5, ByteBuffer.allocate(10))).isInstanceOf(DumpReadException.class)
                    .hasMessage("devcd2 (bundle org.example.disk 1.0.0 [7]): read at offset 5 failed: "
                            + "java.lang.IllegalStateException: DMA fault")
                    .hasCauseInstanceOf(IllegalStateException.class);
        }
        assertBystanderUnharmed();
    }

    /** A free that throws is logged with the dump; the dump is deleted all the same and the rest goes on. */
    @Test
    void throwingFreeIsLoggedAndTheDumpDeleted() {
        warningsExpected = true;
        FakeSource broken = new FakeSource(1) {
            @Override
            public void free() {
                super.free();
                throw new IllegalStateException("double unmap");
            }
        };
        register(disk, "broken", broken);

        assertThat(registry.dismiss("devcd2")).isTrue();

        assertThat(broken.frees).hasValue(1);
        assertThat(registry.list()).hasSize(1);
        assertThat(logged.records).anySatisfy(r -> assertThat(r.getMessage()).startsWith("devcd2[org.example.disk 1.0.0 [7]")
                .endsWith("free() threw; the dump is deleted all the same"));
        assertBystanderUnharmed();
    }

    /**
     * Whatever the driver's code throws, Errors too (an assertion, a stack overflow), is its failure and nothing more:
     * a throwing size() discards the dump with the reason and frees it; a throwing read() reaches the admin as a
     * DumpReadException; a throwing free() on the timer's path still counts the dump removed and leaves the threads
     * alive. The bystander is unharmed throughout.
     */
    @Test
    void errorsFromDriverCodeAreTheDriversFailure() {
        warningsExpected = true;
        FakeSource sizeFails = new FakeSource(0) {
            @Override
            public long size() {
                throw new StackOverflowError();
            }
        };
        assertThat(disk.dumpm("s", sizeFails)).isEqualTo(new Registration.Discarded(DiscardReason.SOURCE_FAILED,
                "size() threw java.lang.StackOverflowError"));
        assertThat(sizeFails.frees).hasValue(1);

        FakeSource readFails = new FakeSource(10) {
            @Override
            public int read(long offset, ByteBuffer dst) {
                throw new AssertionError("driver invariant");
            }
        };
        String readName = register(disk, "r", readFails);
        try (DumpReader reader = registry.open(readName)) {
            assertThatThrownBy(() -> reader.read(0, ByteBuffer.allocate(4))).isInstanceOf(DumpReadException.class)
                    .hasCauseInstanceOf(AssertionError.class).hasMessageEndingWith("java.lang.AssertionError: "
                            + "driver invariant");
        }

        FakeSource freeFails = new FakeSource(1) {
            @Override
            public void free() {
                super.free();
                throw new AssertionError("double unmap");
            }
        };
        register(disk, "f", freeFails);
        long removed = registry.counts().removed();
        timer.fireIfPending(timer.scheduled.size() - 1);
        assertThat(freeFails.frees).hasValue(1);
        assertThat(registry.counts().removed()).isEqualTo(removed + 1);
        assertThat(registry.list()).extracting(d -> d.device()).containsExactlyInAnyOrder("bystander", "r");
        assertThat(registry.dismiss(readName)).isTrue();
        assertBystanderUnharmed();
    }

    /** A dump over the size cap is discarded and freed. */
    @Test
    void dumpOverTheSizeCapIsDiscarded() {
        TestSource big = new TestSource((1 << 20) + 1);

        assertThat(disk.dumpm("big", big)).isEqualTo(new Registration.Discarded(DiscardReason.TOO_LARGE,
                "a dump of 1048577 bytes exceeds maxDumpBytes 1048576"));
        assertThat(big.frees).hasValue(1);
        assertBystanderUnharmed();
    }

    /** A flood past the count cap: the first ones fit, the rest are discarded and freed, and the cap frees up again. */
    @Test
    void floodPastTheCountCapIsDiscarded() {
        List<TestSource> flood = new ArrayList<>();
        int registered = 0;
        for (int i = 0; i < 150; i++) {
            TestSource source = new TestSource(1);
            flood.add(source);
            Registration registration = disk.dumpm("flood" + i, source);
            if (registration.isRegistered()) {
                registered++;
            } else {
                assertThat(registration).isEqualTo(new Registration.Discarded(DiscardReason.COUNT_CAP,
                        "the registry holds maxDumps 100 dumps"));
                assertThat(source.frees).hasValue(1);
            }
        }

        assertThat(registered).isEqualTo(99); // the bystander holds one
        assertThat(registry.status().dumps()).isEqualTo(100);
        registry.dismiss("devcd2");
        assertThat(disk.dumpm("after", new TestSource(1)).isRegistered()).isTrue();
        assertBystanderUnharmed();
    }

    /** Dumps past the byte budget are discarded with BYTES_CAP. */
    @Test
    void dumpsPastTheByteBudgetAreDiscarded() {
        for (int i = 0; i < 3; i++) {
            assertThat(disk.dumpm("mb" + i, new TestSource(1 << 20)).isRegistered()).isTrue();
        }
        TestSource over = new TestSource(1 << 20);

        assertThat(disk.dumpm("mb3", over)).isEqualTo(new Registration.Discarded(DiscardReason.BYTES_CAP,
                "a dump of 1048576 bytes would exceed maxTotalBytes 4194304"));
        assertThat(over.frees).hasValue(1);
        assertBystanderUnharmed();
    }

    /** A negative read offset is refused with its value. */
    @Test
    void negativeOffsetIsRefused() {
        try (DumpReader reader = registry.open("devcd1")) {
            assertThatThrownBy(() -> reader.read(-1, ByteBuffer.allocate(1)))
                    .isInstanceOf(IllegalArgumentException.class).hasMessage("offset: -1 (expected: >= 0)");
        }
        assertBystanderUnharmed();
    }

    private void assertBystanderUnharmed() {
        try (DumpReader reader = registry.open("devcd1")) {
            ByteBuffer buffer = ByteBuffer.allocate(4);
            assertThat(reader.read(0, buffer)).isEqualTo(4);
            assertThat(buffer.array()).containsExactly(0, 1, 2, 3);
        }
        assertThat(bystander.frees).hasValue(0);
    }

    /** A source whose size is whatever the test says. */
    private static class FakeSource implements DumpSource {
        final AtomicInteger frees = new AtomicInteger();
        private final long size;

        FakeSource(long size) {
            this.size = size;
        }

        @Override
        public long size() {
            return size;
        }

        @Override
        public int read(long offset, ByteBuffer dst) {
            int count = (int) Math.min(dst.remaining(), size - offset);
            dst.position(dst.position() + count);
            return count;
        }

        @Override
        public void free() {
            frees.incrementAndGet();
        }
    }

    /** A name no dump can have (no digits, a leading zero, a sign, other letters, too long) is simply unknown. */
    @Test
    void namesNoDumpCanHaveAreUnknown() {
        String name = register(disk, "sda", new TestSource(1));
        for (String bad : List.of("devcd", "devcd0", "devcd01", "Devcd1", "devcd1x", "devcd-1", "devcd+1", " devcd1",
                "devcd1234567890123456789", "")) {
            assertThat(registry.dismiss(bad)).as(bad).isFalse();
            assertThatThrownBy(() -> registry.open(bad)).as(bad)
                    .isInstanceOf(org.devcd.coredump.NoSuchDumpException.class)
                    .hasMessage("no dump named '" + bad + "'");
        }
        assertThat(registry.list()).extracting(d -> d.name()).contains(name);
    }
}
