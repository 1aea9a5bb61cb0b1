package org.devcd.coredump;

import org.osgi.annotation.versioning.ProviderType;

@ProviderType
public class DumpReadException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public DumpReadException(String message, Throwable cause) { throw new UnsupportedOperationException(); }
}
