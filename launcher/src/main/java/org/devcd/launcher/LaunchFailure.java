package org.devcd.launcher;

/**
 * A failure of the launcher told as one sentence a person understands: what failed ({@link #getMessage()}), why (the
 * cause chain, see {@link Errors#sentence}) and what to try ({@link #hint()}).
 */
final class LaunchFailure extends Exception {
    private static final long serialVersionUID = 1L;

    private final String hint;

    /**
     * @param what  what failed, without a full stop: {@code could not create the framework storage folder /x}
     * @param hint  what to try, a whole sentence
     * @param cause why, or null when {@code what} says it all
     */
    LaunchFailure(String what, String hint, Throwable cause) {
        super(what, cause);
        this.hint = hint;
    }

    String hint() {
        return hint;
    }
}
