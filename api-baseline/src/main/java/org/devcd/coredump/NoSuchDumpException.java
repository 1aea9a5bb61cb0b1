package org.devcd.coredump;

import org.osgi.annotation.versioning.ProviderType;

@ProviderType
public class NoSuchDumpException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public NoSuchDumpException(String message) { throw new UnsupportedOperationException(); }
}
