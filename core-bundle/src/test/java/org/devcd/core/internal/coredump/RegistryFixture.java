package org.devcd.core.internal.coredump;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.devcd.coredump.DumpSource;
import org.devcd.coredump.Registration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** A registry on a manual timer, a fixed clock and a recorded event log; drains are long, so handshakes decide. */
class RegistryFixture {
    static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");
    static final RegistryConfig CONFIG = new RegistryConfig(Duration.ofMinutes(5), 1 << 20, 100, 4 << 20,
            Duration.ofSeconds(30));

    final ManualTimer timer = new ManualTimer();
    final EventLog events = new EventLog();
    final DumpRegistry registry = new DumpRegistry(CONFIG,
            new RegistryThreads(timer, events, Runnable::run, () -> { }), events, Clock.fixed(NOW, ZoneOffset.UTC),
            RegistryState.inMemory());
    final DriverCoredumps disk = DriverCoredumps.attach(registry, 7, "org.example.disk", "1.0.0");

    /** A registry on {@code timer} and a fixed clock whose reaper runs each task in the thread that hands it over. */
    static DumpRegistry registry(RegistryConfig config, DumpTimer timer, java.util.concurrent.Executor events,
            DumpListener listener) {
        return new DumpRegistry(config, new RegistryThreads(timer, events, Runnable::run, () -> { }), listener,
                Clock.fixed(NOW, ZoneOffset.UTC), RegistryState.inMemory());
    }

    /** What the registry logged at WARNING or worse; a test that expects none fails on any (an expired drain, say). */
    LogCapture logged;
    boolean warningsExpected;

    @BeforeEach
    void captureLog() {
        logged = new LogCapture();
    }

    @AfterEach
    void failOnUnexpectedWarnings() {
        logged.close();
        if (!warningsExpected && !logged.records.isEmpty()) {
            java.util.logging.LogRecord first = logged.records.get(0);
            throw new AssertionError("unexpected log: " + first.getLevel() + " "
                    + new java.util.logging.SimpleFormatter().formatMessage(first));
        }
    }

    /** Registers {@code source} for {@code device}, failing unless it is registered, and returns its name. */
    String register(DriverCoredumps driver, String device, DumpSource source) {
        Registration registration = driver.dumpm(device, source);
        if (!(registration instanceof Registration.Registered registered)) {
            throw new AssertionError("not registered: " + registration);
        }
        return registered.name();
    }

    /** Fires timer task {@code index} on a new thread, as the timer thread would, unless it was cancelled. */
    Threads.Running<Void> expireOnTimerThread(int index) {
        return Threads.run("timer", () -> timer.fireIfPending(index));
    }

    /** Reads the first 64 bytes of dump {@code name} on a new thread. */
    Threads.Running<Integer> readOnNewThread(String name) {
        org.devcd.coredump.DumpReader reader = registry.open(name);
        return Threads.start("reader", () -> reader.read(0, java.nio.ByteBuffer.allocate(64)));
    }

    /** The unfreed dump {@code name} of {@code driver}. */
    static Dump dump(DriverCoredumps driver, String name) {
        return driver.owner.devices.values().stream().filter(d -> d.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no unfreed dump " + name));
    }
}
