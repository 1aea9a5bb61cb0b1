package org.devcd.coredump;

import org.osgi.annotation.versioning.ProviderType;

@ProviderType
public enum DiscardReason {
    DISABLED,
    DEVICE_HAS_DUMP,
    TOO_LARGE,
    COUNT_CAP,
    BYTES_CAP,
    DRIVER_STOPPING,
    SOURCE_FAILED,
    REGISTRY_CLOSED
}
