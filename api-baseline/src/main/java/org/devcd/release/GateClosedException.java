package org.devcd.release;

import org.osgi.annotation.versioning.ProviderType;

@ProviderType
public final class GateClosedException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    GateClosedException() {
    }
}
