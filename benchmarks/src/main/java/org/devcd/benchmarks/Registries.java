package org.devcd.benchmarks;

import java.time.Duration;

import org.devcd.core.internal.coredump.DumpListener;
import org.devcd.core.internal.coredump.DumpRegistry;
import org.devcd.core.internal.coredump.RegistryConfig;

/** Registries as the benchmarks use them: the production threads and timer, room for every dump, no event listener. */
final class Registries {
    /** Caps high enough that no benchmark is ever discarded: a discard would measure the wrong path. */
    static final RegistryConfig ROOMY = new RegistryConfig(Duration.ofMinutes(5), 1L << 30, 500_000, 1L << 40,
            Duration.ofSeconds(5));

    private Registries() {
    }

    static DumpRegistry withoutEvents() {
        return DumpRegistry.start(ROOMY, DumpListener.NONE);
    }
}
