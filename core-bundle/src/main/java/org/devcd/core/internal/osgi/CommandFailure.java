package org.devcd.core.internal.osgi;

/**
 * A devcd command failed: its message is one sentence for a person. Karaf prints "Error executing command: " and the
 * message; Gogo's shell prints "gogo: CommandFailure: " and the message. No stack trace is shown, and a script's exit
 * status is non-zero.
 */
final class CommandFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    CommandFailure(String message) {
        super(message, null, false, false);
    }
}
