package org.devcd.release;

import org.osgi.annotation.versioning.ProviderType;

@ProviderType
public final class IllegalReferenceCountException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    IllegalReferenceCountException() {
    }

    public int refCnt() { throw new UnsupportedOperationException(); }

    public int delta() { throw new UnsupportedOperationException(); }
}
