package org.devcd.leakdoctor.internal;

/**
 * A JDK-private structure a check needs is out of reach: its package is not opened to devcd (the message names the JVM
 * option that opens it), or this JDK lays it out differently. Checked, so that no check can forget it; carries no stack
 * trace, because it is a finding to report, never a bug to debug.
 */
public final class ClosedInternalException extends Exception {
    private static final long serialVersionUID = 1L;

    private ClosedInternalException(String message) {
        super(message, null, false, false);
    }

    /** {@code owner}'s package is not open to devcd's module: says which option opens it. */
    static ClosedInternalException closed(Class<?> owner) {
        Module self = ClosedInternalException.class.getModule();
        String opener = self.isNamed() ? self.getName() : "ALL-UNNAMED";
        String option = "--add-opens " + owner.getModule().getName() + "/" + owner.getPackageName() + "=" + opener;
        return new ClosedInternalException(
                owner.getPackageName() + " is closed to devcd; start the JVM with " + option);
    }

    /** This JDK has no class {@code name}. */
    static ClosedInternalException missing(String name) {
        return new ClosedInternalException("this JDK has no class " + name);
    }

    /** This JDK has no field {@code name} in {@code owner}. */
    static ClosedInternalException missing(Class<?> owner, String name) {
        return new ClosedInternalException("this JDK has no field " + owner.getName() + "." + name);
    }
}
