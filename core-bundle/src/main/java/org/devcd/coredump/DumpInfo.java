package org.devcd.coredump;

import java.time.Instant;

import org.osgi.annotation.versioning.ProviderType;

/**
 * One listed dump.
 *
 * @param name {@code devcdN}; N counts from 1 and is never reused
 * @param bundleSymbolicName the owner bundle
 * @param bundleVersion the owner bundle's version
 * @param device the failing device, as the driver named it
 * @param size the dump's size in bytes
 * @param created when it was registered
 * @param deadline when it will be deleted unless something deletes it earlier
 */
@ProviderType
public record DumpInfo(String name, String bundleSymbolicName, String bundleVersion, String device, long size,
        Instant created, Instant deadline) {
}
