package org.devcd.coredump;

import org.osgi.annotation.versioning.ProviderType;

/** The named dump does not exist (any more). */
@ProviderType
public class NoSuchDumpException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** @param message names the dump and, where known, what deleted it */
    public NoSuchDumpException(String message) {
        super(message);
    }
}
