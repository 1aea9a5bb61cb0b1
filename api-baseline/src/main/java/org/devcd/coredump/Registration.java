package org.devcd.coredump;

import org.osgi.annotation.versioning.ProviderType;

@ProviderType
public sealed interface Registration permits Registration.Registered, Registration.Discarded {
    default boolean isRegistered() { throw new UnsupportedOperationException(); }

    record Registered(String name) implements Registration {
    }

    record Discarded(DiscardReason reason, String detail) implements Registration {
    }
}
