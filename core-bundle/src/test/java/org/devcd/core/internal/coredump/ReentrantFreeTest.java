package org.devcd.core.internal.coredump;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

import org.devcd.coredump.DiscardReason;
import org.devcd.coredump.DumpInfo;
import org.devcd.coredump.Registration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A driver's {@code free()} may call back into devcd: register a new dump, put the device being freed, put another
 * device, list. On every delete path each call returns promptly (the drain bound is 30 s here, the test allows 5 s for
 * everything) with the outcome the javadoc states.
 */
class ReentrantFreeTest extends RegistryFixture {

    enum Path {
        DISMISS(f -> f.registry.dismiss("devcd1"), null),
        TIMEOUT(f -> f.timer.fireIfPending(0), null),
        PUT(f -> f.disk.put("own"), null),
        DISABLE(f -> f.registry.disable(), DiscardReason.DISABLED),
        DRIVER_STOP(f -> f.disk.detach(), DiscardReason.DRIVER_STOPPING),
        CORE_STOP(f -> f.registry.shutdown(), DiscardReason.REGISTRY_CLOSED);

        final Consumer<RegistryFixture> delete;
        /** Why a registration from inside free() is discarded on this path; null: it is registered. */
        final DiscardReason refused;

        Path(Consumer<RegistryFixture> delete, DiscardReason refused) {
            this.delete = delete;
            this.refused = refused;
        }
    }

    /** Calls back into devcd from its free() and records each answer. */
    private final class CallingBack extends CallingBackSource {
        final TestSource registeredFromFree = new TestSource(1);
        volatile Registration registration;
        volatile Boolean putOwn;
        volatile Boolean putOther;
        volatile List<DumpInfo> listed;

        @Override
        void onFree() {
            registration = disk.dumpm("new", registeredFromFree);
            putOwn = disk.put("own");
            putOther = disk.put("other");
            listed = registry.list();
        }
    }

    /** Every call from inside free() returns at once, on every delete path; every source is freed exactly once. */
    @ParameterizedTest
    @EnumSource(Path.class)
    void callsFromFreeReturnPromptly(Path path) {
        CallingBack own = new CallingBack();
        TestSource other = new TestSource(1);
        assertThat(register(disk, "own", own)).isEqualTo("devcd1");
        assertThat(register(disk, "other", other)).isEqualTo("devcd2");

        assertTimeoutPreemptively(Duration.ofSeconds(5), () -> path.delete.accept(this));

        assertThat(own.frees).isEqualTo(1);
        assertThat(own.putOwn).as("put of the device being freed: true, without waiting for itself").isTrue();
        assertThat(other.frees).as("the other device's dump, freed by the put or by the sweep").hasValue(1);
        assertThat(own.putOther).isNotNull();
        assertThat(own.listed).extracting(DumpInfo::name).doesNotContain("devcd1", "devcd2");
        if (path.refused == null) {
            assertThat(own.putOther).as("a LIVE dump of another device is deleted by the put").isTrue();
            assertThat(own.registration).isEqualTo(new Registration.Registered("devcd3"));
            assertThat(own.listed).extracting(DumpInfo::name).containsExactly("devcd3");
            assertThat(registry.dismiss("devcd3")).isTrue();
        } else {
            assertThat(own.registration).isInstanceOf(Registration.Discarded.class);
            assertThat(((Registration.Discarded) own.registration).reason()).isEqualTo(path.refused);
        }
        assertThat(own.registeredFromFree.frees).hasValue(1);
        assertThat(registry.list()).isEmpty();
    }
}
