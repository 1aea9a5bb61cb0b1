package org.devcd.coredump;

import org.osgi.annotation.versioning.ProviderType;

/** Why a dump was not registered. Its data was freed at once, in the caller. */
@ProviderType
public enum DiscardReason {
    /** Coredumps are disabled for good ({@link CoredumpAdmin#disable()}). */
    DISABLED,
    /** The device already has a dump; one dump per device at a time. */
    DEVICE_HAS_DUMP,
    /** The dump is larger than the configured maximum dump size. */
    TOO_LARGE,
    /** The registry holds the configured maximum count of dumps. */
    COUNT_CAP,
    /** The dump would take the registry past the configured maximum of bytes held. */
    BYTES_CAP,
    /** The registering bundle is stopping, or no longer uses the service. */
    DRIVER_STOPPING,
    /** The source failed at registration: its {@code size()} threw or reported a negative size. */
    SOURCE_FAILED,
    /** The core is shutting down. */
    REGISTRY_CLOSED
}
