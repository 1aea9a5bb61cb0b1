package org.devcd.coredump;

import org.osgi.annotation.versioning.ProviderType;

/** A driver's {@link DumpSource} failed a read or broke its contract; the message names the dump and its bundle. */
@ProviderType
public class DumpReadException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /**
     * @param message names the dump, the bundle and what went wrong
     * @param cause the driver's exception, or null
     */
    public DumpReadException(String message, Throwable cause) {
        super(message, cause);
    }
}
