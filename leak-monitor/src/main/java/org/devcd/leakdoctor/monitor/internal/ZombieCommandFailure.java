package org.devcd.leakdoctor.monitor.internal;

/**
 * A command that failed, with one sentence for the person or script that ran it: Gogo and Karaf print the message and
 * a scripted session ({@code bin/client}, ssh) exits non-zero. No stack trace: the message says it all.
 */
final class ZombieCommandFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    ZombieCommandFailure(String message) {
        super(message, null, false, false);
    }
}
