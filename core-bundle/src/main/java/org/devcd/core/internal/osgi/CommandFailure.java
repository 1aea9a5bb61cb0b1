package org.devcd.core.internal.osgi;

/**
 * A devcd command failed: its message is one sentence for a person, and it is all that shows (Karaf prints
 * "Error executing command: " and the message; Gogo's shell prints the exception as text), so a Java class name never
 * does. Thrown, so a script's exit status is non-zero.
 */
final class CommandFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    CommandFailure(String message) {
        super(message);
    }

    @Override
    public String toString() {
        return "devcd: " + getMessage();
    }
}
