package org.devcd.release;

import org.osgi.annotation.versioning.ProviderType;

/** Thrown by {@link Gate#enter()} once the gate was closed: the code behind it is going away and must not be entered. */
@ProviderType
public final class GateClosedException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    GateClosedException(String gate) {
        super("gate '" + gate + "' is closed");
    }
}
