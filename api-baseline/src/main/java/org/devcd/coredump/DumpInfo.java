package org.devcd.coredump;

import java.time.Instant;

import org.osgi.annotation.versioning.ProviderType;

@ProviderType
public record DumpInfo(String name, String bundleSymbolicName, String bundleVersion, String device, long size,
        Instant created, Instant deadline) {
}
