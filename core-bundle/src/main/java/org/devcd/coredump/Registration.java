package org.devcd.coredump;

import java.util.Objects;

import org.osgi.annotation.versioning.ProviderType;

/**
 * What became of a dump handed to the {@link CoredumpService}: registered under a name, or discarded with a reason. In
 * both cases the registry owns the data from the call on.
 */
@ProviderType
public sealed interface Registration permits Registration.Registered, Registration.Discarded {

    /** @return whether the dump was registered */
    default boolean isRegistered() {
        return this instanceof Registered;
    }

    /**
     * The dump is listed under {@code name} ({@code devcdN}) until it is deleted.
     *
     * @param name the dump's name, {@code devcdN}
     */
    record Registered(String name) implements Registration {
        public Registered {
            Objects.requireNonNull(name, "name");
        }
    }

    /**
     * The dump was not registered and its data was freed.
     *
     * @param reason why
     * @param detail a sentence for people, for example {@code device 'gpu0' already has devcd3}
     */
    record Discarded(DiscardReason reason, String detail) implements Registration {
        public Discarded {
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(detail, "detail");
        }
    }
}
