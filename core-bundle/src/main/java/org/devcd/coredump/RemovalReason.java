package org.devcd.coredump;

import org.osgi.annotation.versioning.ProviderType;

/** Which of the delete paths deleted a dump; exactly one of them wins for every dump. */
@ProviderType
public enum RemovalReason {
    /** Its timeout expired. */
    TIMEOUT,
    /** An admin dismissed it. */
    DISMISSED,
    /** Coredumps were disabled. */
    DISABLED,
    /** Its driver deleted it ({@code dev_coredump_put}). */
    PUT,
    /** Its driver bundle stopped (or released the service). */
    DRIVER_STOPPED,
    /** The core shut down. */
    SHUTDOWN
}
