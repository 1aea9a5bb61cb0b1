package org.devcd.core.internal.coredump;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.devcd.coredump.Registration;

/** A registry on a manual timer, a fixed clock and a recorded event log; drains are long, so handshakes decide. */
class RegistryFixture {
    static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");
    static final RegistryConfig CONFIG = new RegistryConfig(Duration.ofMinutes(5), 1 << 20, 100, 4 << 20,
            Duration.ofSeconds(30));

    final ManualTimer timer = new ManualTimer();
    final EventLog events = new EventLog();
    final DumpRegistry registry = new DumpRegistry(CONFIG, timer, events, events, Clock.fixed(NOW, ZoneOffset.UTC),
            () -> { });
    final DriverCoredumps disk = registry.attach(7, "org.example.disk", "1.0.0");

    /** Registers a {@link TestSource} of {@code size} bytes for {@code device} and returns its name. */
    String register(DriverCoredumps driver, String device, TestSource source) {
        Registration registration = driver.dumpm(device, source);
        if (!(registration instanceof Registration.Registered registered)) {
            throw new AssertionError("not registered: " + registration);
        }
        return registered.name();
    }

    /** The unfreed dump {@code name} of {@code driver}. */
    static Dump dump(DriverCoredumps driver, String name) {
        return driver.owner.dumps.stream().filter(d -> d.name.equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no unfreed dump " + name));
    }
}
