package org.devcd.core.internal.coredump;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.function.Function;

import org.devcd.coredump.DumpReader;
import org.devcd.coredump.RemovalReason;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A driver's {@code read()} may call back into devcd and delete the very dump it is reading: dismiss it, put its
 * device, disable coredumps. Each call returns at once (the drain bound is 30 s here; the test allows 5 s), and the dump
 * is freed exactly once, after the read returned: the read holds the dump, so its own way out frees it (I2). Likewise
 * a {@code free()} that disables: the disable does not wait for the free it is part of.
 */
class ReentrantReadTest extends RegistryFixture {

    enum Call {
        DISMISS(f -> f.registry.dismiss("devcd1"), RemovalReason.DISMISSED),
        PUT(f -> f.disk.put("own"), RemovalReason.PUT),
        DISABLE(f -> f.registry.disable(), RemovalReason.DISABLED);

        final Function<RegistryFixture, Boolean> call;
        final RemovalReason reason;

        Call(Function<RegistryFixture, Boolean> call, RemovalReason reason) {
            this.call = call;
            this.reason = reason;
        }
    }

    /** Makes its one call from inside its read, and records the answer. */
    private final class DeletingItself extends CallingBackSource {
        final Call call;
        volatile Boolean answer;

        DeletingItself(Call call) {
            this.call = call;
        }

        @Override
        void onRead() {
            answer = call.call.apply(ReentrantReadTest.this);
        }
    }

    @ParameterizedTest
    @EnumSource(Call.class)
    void aReadThatDeletesItsOwnDumpReturnsAtOnceAndFreesItAfterwards(Call call) {
        DeletingItself own = new DeletingItself(call);
        TestSource other = new TestSource(2);
        assertThat(register(disk, "own", own)).isEqualTo("devcd1");
        register(disk, "other", other);
        DumpReader reader = registry.open("devcd1");

        int read = assertTimeoutPreemptively(Duration.ofSeconds(5), () -> reader.read(0, ByteBuffer.allocate(4)));

        assertThat(read).isEqualTo(1);
        assertThat(own.answer).isTrue();
        assertThat(own.freesSeenInsideRead).as("not freed under its own read").isZero();
        assertThat(own.frees).as("freed once, as the read left").isEqualTo(1);
        events.deliver();
        assertThat(events.delivered).contains("REMOVED devcd1 " + call.reason);
        assertThat(registry.list()).extracting(d -> d.name()).doesNotContain("devcd1");
        assertThat(other.frees).hasValue(call == Call.DISABLE ? 1 : 0);
    }

    /** A free() that disables: the disable deletes every other dump and returns at once, without waiting for itself. */
    @Test
    void aFreeThatDisablesReturnsAtOnce() {
        TestSource other = new TestSource(2);
        CallingBackSource disabling = new CallingBackSource() {
            @Override
            void onFree() {
                registry.disable();
            }
        };
        register(disk, "own", disabling);
        register(disk, "other", other);

        assertTimeoutPreemptively(Duration.ofSeconds(5), () -> registry.dismiss("devcd1"));

        assertThat(disabling.frees).isEqualTo(1);
        assertThat(other.frees).hasValue(1);
        assertThat(registry.status().disabled()).isTrue();
        assertThat(registry.list()).isEmpty();
    }
}
