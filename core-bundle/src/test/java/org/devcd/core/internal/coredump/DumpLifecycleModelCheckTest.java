package org.devcd.core.internal.coredump;

import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.devcd.coredump.DumpInfo;
import org.devcd.coredump.DumpReader;
import org.devcd.coredump.NoSuchDumpException;
import org.devcd.coredump.Registration;
import org.jetbrains.lincheck.datastructures.ModelCheckingOptions;
import org.jetbrains.lincheck.datastructures.Operation;
import org.jetbrains.lincheck.datastructures.Validate;
import org.jetbrains.lincheck.datastructures.verifier.EpsilonVerifier;
import org.junit.jupiter.api.Test;

/**
 * Lincheck model checking of the dump lifecycle: register, read, dismiss, expire, put, disable and owner stop, all
 * contending for one dump of one device, in every interleaving of two threads the checker explores. Results may differ from run to run; the invariants may not: every
 * source is freed at most once, never under a read, never read after its free; a deleted or discarded dump is freed; at
 * most one dump per device is listed at any moment.
 */
public class DumpLifecycleModelCheckTest {
    private final ManualTimer timer = new ManualTimer();
    private final DumpRegistry registry = RegistryFixture.registry(
            new RegistryConfig(Duration.ofMinutes(5), 1024, 100, 1 << 20, Duration.ofSeconds(30)), timer, Runnable::run,
            new DumpListener() {
                @Override
                public void added(DumpInfo dump) {
                }

                @Override
                public void removed(DumpInfo dump, org.devcd.coredump.RemovalReason reason) {
                }
            });
    private final DriverCoredumps driver = DriverCoredumps.attach(registry, 1, "org.example.disk", "1.0.0");
    private final List<CheckedSource> discarded = new CopyOnWriteArrayList<>();
    private final Map<String, CheckedSource> registered = new java.util.concurrent.ConcurrentHashMap<>();
    private volatile String violation;

    public DumpLifecycleModelCheckTest() {
        // devcd1 of device dev0 exists from the start, so every operation below contends for it.
        register();
    }

    @Operation
    public String register() {
        return guarded(this::registerOne);
    }

    private String registerOne() {
        CheckedSource source = new CheckedSource(4);
        Registration registration = driver.dumpm("dev0", source);
        if (registration instanceof Registration.Registered r) {
            registered.put(r.name(), source);
        } else {
            discarded.add(source);
        }
        checkOneListedPerDevice();
        return registration.isRegistered() ? "registered" : "discarded";
    }

    @Operation
    public int read() {
        return guarded(() -> {
            try (DumpReader reader = registry.open("devcd1")) {
                return reader.read(0, ByteBuffer.allocate(4));
            } catch (NoSuchDumpException gone) {
                return -2;
            }
        });
    }

    @Operation
    public boolean dismiss() {
        return guarded(() -> registry.dismiss("devcd1"));
    }

    @Operation
    public boolean expire() {
        return guarded(() -> {
            timer.fireIfPending(0);
            return true;
        });
    }

    @Operation
    public boolean put() {
        return guarded(() -> driver.put("dev0"));
    }

    @Operation(runOnce = true)
    public boolean disable() {
        return guarded(registry::disable);
    }

    @Operation(runOnce = true)
    public boolean ownerStop() {
        return guarded(() -> {
            driver.detach();
            return true;
        });
    }

    /** No operation may throw: an exception out of a delete path is a broken invariant, whatever the result. */
    private <T> T guarded(java.util.function.Supplier<T> operation) {
        try {
            return operation.get();
        } catch (RuntimeException e) {
            violation = "an operation threw " + e;
            return null;
        }
    }

    private void checkOneListedPerDevice() {
        Map<String, Integer> perDevice = new HashMap<>();
        for (DumpInfo info : registry.list()) {
            if (perDevice.merge(info.device(), 1, Integer::sum) > 1) {
                violation = "two dumps listed for " + info.device();
            }
        }
    }

    @Validate
    public void invariantsHold() {
        if (violation != null) {
            throw new AssertionError(violation);
        }
        int listedCount = registry.list().size();
        if (registry.status().dumps() != listedCount) {
            throw new AssertionError("status counts " + registry.status().dumps() + " dumps, " + listedCount
                    + " listed");
        }
        for (CheckedSource source : discarded) {
            if (source.frees.get() != 1) {
                throw new AssertionError("a discarded source was freed " + source.frees.get() + " times");
            }
        }
        for (Map.Entry<String, CheckedSource> entry : registered.entrySet()) {
            CheckedSource source = entry.getValue();
            if (source.violation() != null) {
                throw new AssertionError(entry.getKey() + ": " + source.violation());
            }
            boolean listed = registry.list().stream().anyMatch(d -> d.name().equals(entry.getKey()));
            if (!listed && source.frees.get() != 1) {
                throw new AssertionError(entry.getKey() + " is gone but was freed " + source.frees.get() + " times");
            }
            if (listed && source.frees.get() != 0) {
                throw new AssertionError(entry.getKey() + " is listed but was freed");
            }
        }
    }

    /** Every explored interleaving of two threads keeps the invariants. */
    @Test
    void modelCheck() {
        new ModelCheckingOptions()
                .threads(2)
                .actorsPerThread(3)
                .actorsBefore(1)
                .iterations(5)
                .invocationsPerIteration(100)
                .verifier(EpsilonVerifier.class)
                .check(getClass());
    }
}
