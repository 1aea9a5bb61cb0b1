package org.devcd.consoles.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.devcd.coredump.CoredumpCounts;
import org.devcd.coredump.CoredumpStatus;
import org.devcd.coredump.DumpInfo;

/** Reports made of the API's own records, as the registry would hand them out: no fake admin needed. */
final class Reports {
    static final CoredumpStatus ENABLED = new CoredumpStatus(false, 2, 1093, 7, Duration.ofMinutes(5), 64L << 20,
            1000, 256L << 20, Duration.ofSeconds(5));
    static final CoredumpCounts COUNTS = new CoredumpCounts(7, 3, 5);
    static final DumpInfo DISK = new DumpInfo("devcd6", "org.example.disk", "1.2.0", "sda", 93,
            Instant.parse("2026-11-30T08:18:22.559Z"), Instant.parse("2026-11-30T08:23:22.559Z"));
    static final DumpInfo CONTROLLER = new DumpInfo("devcd7", "org.example.controller.with.a.long.name",
            "10.0.0.202611300810", "ctrl0", 1000, Instant.parse("2026-11-30T08:19:00Z"),
            Instant.parse("2026-11-30T08:20:00Z"));

    private Reports() {
    }

    static CoredumpReport of(DumpInfo... dumps) {
        return new CoredumpReport(ENABLED, COUNTS, List.of(dumps));
    }

    /** @return a dump of {@code DISK}'s bundle whose device is named {@code device} */
    static DumpInfo device(String device) {
        return new DumpInfo("devcd8", DISK.bundleSymbolicName(), DISK.bundleVersion(), device, 1, DISK.created(),
                DISK.deadline());
    }
}
