package org.devcd.benchmarks;

import org.devcd.core.internal.coredump.DriverCoredumps;
import org.devcd.core.internal.coredump.DumpRegistry;
import org.openjdk.jol.info.GraphLayout;

/**
 * The memory a live dump costs the registry, its data aside: the size of everything reachable from the registry (JOL's
 * {@link GraphLayout}, exact object sizes of this JVM) with N live dumps, less the same with none, over N. Each dump has
 * its own device name and its armed timeout; all share one data array, counted once and subtracted.
 */
final class Footprint {
    private Footprint() {
    }

    /** @return the bytes per live dump, data aside, measured over {@code dumps} dumps */
    static double bytesPerDump(int dumps) {
        // JDK 17 hides the field offsets of records (DeviceKey is one) from Unsafe; JOL then finds them by probing.
        System.setProperty("jol.magicFieldOffset", "true");
        DumpRegistry registry = Registries.withoutEvents();
        try {
            DriverCoredumps driver = DriverCoredumps.attach(registry, 1, "org.example.disk", "1.0.0");
            byte[] data = new byte[1];
            // Warm the paths first, so lazily created parts (the timer's thread, its queue) are in both graphs.
            for (int i = 0; i < 100; i++) {
                driver.dumpv("warm" + i, data);
            }
            for (int i = 0; i < 100; i++) {
                driver.put("warm" + i);
            }
            long empty = GraphLayout.parseInstance(registry).totalSize();
            for (int i = 0; i < dumps; i++) {
                if (!driver.dumpv("disk" + i, data).isRegistered()) {
                    throw new IllegalStateException("dump " + i + " of " + dumps + " was discarded: " + registry.status());
                }
            }
            long full = GraphLayout.parseInstance(registry).totalSize();
            long sharedData = GraphLayout.parseInstance((Object) data).totalSize();
            driver.detach();
            return (double) (full - empty - sharedData) / dumps;
        } finally {
            registry.shutdown();
        }
    }
}
