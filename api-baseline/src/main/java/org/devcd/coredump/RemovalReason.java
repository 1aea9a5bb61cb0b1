package org.devcd.coredump;

import org.osgi.annotation.versioning.ProviderType;

@ProviderType
public enum RemovalReason {
    TIMEOUT,
    DISMISSED,
    DISABLED,
    PUT,
    DRIVER_STOPPED,
    SHUTDOWN
}
