package org.devcd.core.internal.coredump;

import java.util.concurrent.atomic.AtomicBoolean;

import org.devcd.coredump.DiscardReason;

/**
 * The registry-wide refusals: shut down (the core is stopping) and disabled (the kernel's write-once lockdown switch,
 * persisted through {@link RegistryState} so that it survives restarts). A per-owner refusal is its closed
 * registrations gate. Each flag is set before its sweep visits the devices, and a registration reads them after it
 * added its device: one of the two sees the other.
 *
 * <p>Thread-safety: lock-free; both flags only ever go from false to true.
 */
final class Lockdown {
    private final RegistryState state;
    private volatile boolean closed;
    private final AtomicBoolean disabled = new AtomicBoolean();

    Lockdown(RegistryState state) {
        this.state = state;
        disabled.set(state.disabled());
    }

    /** @return true for the one call that disabled coredumps; the switch is recorded before this returns */
    boolean disable() {
        if (!disabled.compareAndSet(false, true)) {
            return false;
        }
        state.recordDisabled();
        return true;
    }

    boolean disabled() {
        return disabled.get();
    }

    void close() {
        closed = true;
    }

    boolean closed() {
        return closed;
    }

    /** @return why a registration of {@code owner} is refused now, or null */
    DiscardReason refusal(Owner owner) {
        if (closed) {
            return DiscardReason.REGISTRY_CLOSED;
        }
        if (owner.registrations.isClosed()) {
            return DiscardReason.DRIVER_STOPPING;
        }
        return disabled.get() ? DiscardReason.DISABLED : null;
    }

    /** @return the sentence a refused registration carries */
    static String explain(DiscardReason reason, Owner owner) {
        return switch (reason) {
            case REGISTRY_CLOSED -> "the coredump registry is shut down";
            case DRIVER_STOPPING -> "bundle " + owner + " is stopping or released the coredump service";
            default -> "coredumps are disabled";
        };
    }
}
