package org.devcd.coredump;

import java.time.Duration;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The registry at a glance.
 *
 * @param disabled whether coredumps are disabled for good
 * @param dumps how many dumps are listed
 * @param bytes how many bytes the listed dumps hold
 * @param registered how many dumps were registered since the core started (names go on across restarts)
 * @param defaultTimeout how long a dump stays by default
 * @param maxDumpBytes the largest dump accepted
 * @param maxDumps the most dumps held at once
 * @param maxTotalBytes the most bytes held at once
 * @param drainTimeout the longest a deletion waits for reads in flight
 */
@ProviderType
public record CoredumpStatus(boolean disabled, int dumps, long bytes, long registered, Duration defaultTimeout,
        long maxDumpBytes, int maxDumps, long maxTotalBytes, Duration drainTimeout) {
}
