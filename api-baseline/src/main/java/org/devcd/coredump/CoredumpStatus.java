package org.devcd.coredump;

import java.time.Duration;

import org.osgi.annotation.versioning.ProviderType;

@ProviderType
public record CoredumpStatus(boolean disabled, int dumps, long bytes, long registered, Duration defaultTimeout,
        long maxDumpBytes, int maxDumps, long maxTotalBytes, Duration drainTimeout) {
}
