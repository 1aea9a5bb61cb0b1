package org.devcd.leakdoctor.monitor.internal;

/**
 * A command that failed, with one sentence for the person or script that ran it: Karaf prints "Error executing
 * command: " and the message, Gogo's shell "gogo: CommandFailure: " and the message, and a scripted session ({@code
 * bin/client}, ssh) exits non-zero. No stack trace: the message says it all.
 */
final class CommandFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    CommandFailure(String message) {
        super(message, null, false, false);
    }
}
