package org.devcd.core.internal.coredump;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.devcd.coredump.DiscardReason;
import org.devcd.coredump.Registration;
import org.junit.jupiter.api.Test;

/** What a registry leaves to the next one on the same {@link RegistryState}: the disable switch and the names. */
class RestartTest {
    private static final RegistryConfig CONFIG = new RegistryConfig(Duration.ofMinutes(5), 1 << 20, 100, 1 << 24,
            Duration.ofSeconds(30));
    private final RegistryState state = RegistryState.inMemory();

    private DumpRegistry start() {
        return new DumpRegistry(CONFIG, new RegistryThreads(new ManualTimer(), Runnable::run, Runnable::run, () -> { }),
                DumpListener.NONE, java.time.Clock.systemUTC(), state);
    }

    /** After a clean stop, the next registry's names continue exactly where the last one's stopped. */
    @Test
    void namesContinueAfterARestart() {
        DumpRegistry first = start();
        DriverCoredumps driver = DriverCoredumps.attach(first, 7, "org.example.disk", "1.0.0");
        assertThat(driver.dumpv("sda", new byte[1])).isEqualTo(new Registration.Registered("devcd1"));
        assertThat(driver.dumpv("sdb", new byte[1])).isEqualTo(new Registration.Registered("devcd2"));
        first.shutdown();

        DumpRegistry second = start();
        DriverCoredumps again = DriverCoredumps.attach(second, 7, "org.example.disk", "1.0.0");
        assertThat(again.dumpv("sda", new byte[1])).isEqualTo(new Registration.Registered("devcd3"));
        second.shutdown();
    }

    /** Without a clean stop, ids were recorded a block ahead: the next registry skips ahead and never repeats a name. */
    @Test
    void afterACrashNamesSkipAheadAndNeverRepeat() {
        DriverCoredumps driver = DriverCoredumps.attach(start(), 7, "org.example.disk", "1.0.0");
        assertThat(driver.dumpv("sda", new byte[1])).isEqualTo(new Registration.Registered("devcd1"));
        // no shutdown: the core died

        DriverCoredumps again = DriverCoredumps.attach(start(), 7, "org.example.disk", "1.0.0");
        assertThat(again.dumpv("sda", new byte[1])).isEqualTo(new Registration.Registered("devcd" + (2 + Ids.BLOCK)));
    }

    /** Disable is recorded before it returns; the next registry starts disabled and discards new dumps. */
    @Test
    void disableSurvivesARestart() {
        DumpRegistry first = start();
        first.disable();
        assertThat(state.disabled()).isTrue();
        first.shutdown();

        DumpRegistry second = start();
        TestSource source = new TestSource(1);
        assertThat(second.status().disabled()).isTrue();
        assertThat(DriverCoredumps.attach(second, 7, "org.example.disk", "1.0.0").dumpm("sda", source))
                .isEqualTo(new Registration.Discarded(DiscardReason.DISABLED, "coredumps are disabled"));
        assertThat(source.frees).hasValue(1);
        assertThat(second.disable()).as("write-once").isFalse();
    }
}
