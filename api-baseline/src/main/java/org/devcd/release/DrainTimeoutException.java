package org.devcd.release;

import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

@ProviderType
public final class DrainTimeoutException extends java.util.concurrent.TimeoutException {
    private static final long serialVersionUID = 1L;

    DrainTimeoutException() {
    }

    public List<Thread> threads() { throw new UnsupportedOperationException(); }

    public int inFlight() { throw new UnsupportedOperationException(); }
}
