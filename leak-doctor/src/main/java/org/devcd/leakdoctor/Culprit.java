package org.devcd.leakdoctor;

import java.util.List;
import java.util.Objects;

import org.osgi.annotation.versioning.ProviderType;

/**
 * One thing in the live JVM that holds a class loader, said for a person: what kind of holder it is, one line naming
 * it, and optional detail lines (a thread's top frames). A culprit holds only strings: keeping one never keeps the
 * loader.
 *
 * <p>"Of the bundle" in a description means "belongs to the inspected loader": an object whose class the loader
 * defined, a class it defined, or the loader itself.
 *
 * @param kind        what kind of holder this is
 * @param description one line naming the holder, e.g. {@code thread "leaky-worker" (RUNNABLE, daemon) runs
 *                    org.acme.Worker of the bundle}
 * @param details     further lines, most telling first (for a thread: five frames from where its own code runs, as
 *                    {@code at ...}); may be empty
 */
@ProviderType
public record Culprit(Kind kind, String description, List<String> details) {

    /** The kinds of holder {@link Attribution} knows, one check each. */
    @ProviderType
    public enum Kind {
        /** A live thread whose class, {@code Runnable} target or context class loader belongs to the loader. */
        THREAD,
        /** A live thread's thread-local value, or thread local, of the loader's classes. */
        THREAD_LOCAL,
        /** A JDBC driver (or its {@code DriverAction}) of the loader's classes registered in {@code DriverManager}. */
        JDBC_DRIVER,
        /** A registered, not yet run shutdown hook whose class, target or context class loader belongs. */
        SHUTDOWN_HOOK,
        /** A {@code java.util.Timer} whose queue holds tasks of the loader's classes. */
        TIMER,
        /** An MBean whose class loader, as its MBeanServer says, is the loader. */
        MBEAN,
        /** A {@code java.security.Provider} of the loader's classes installed in {@code Security}. */
        SECURITY_PROVIDER,
        /** A {@code java.util.logging} logger, handler, filter or formatter of the loader's classes on a logger. */
        LOG_HANDLER,
        /**
         * A service another bundle registered that holds the loader's objects: its service object (singleton scope) or
         * a property value. Inside an OSGi framework only.
         */
        SERVICE,
        /**
         * A check that could not run because the JDK keeps what it reads closed: the description names the check, the
         * JVM option that opens it, and that a heap dump still finds what it would have found.
         */
        NOT_INSPECTED
    }

    /**
     * @throws NullPointerException if an argument or a detail line is null
     */
    public Culprit {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(description, "description");
        details = List.copyOf(details);
    }

    /**
     * The culprit as one sentence: the description, followed by the first detail line when there is one, e.g.
     * {@code thread "leaky-worker" (RUNNABLE, daemon) runs org.acme.Worker of the bundle: at
     * org.acme.Worker.run(Worker.java:12)}.
     */
    @Override
    public String toString() {
        return details.isEmpty() ? description : description + ": " + details.get(0);
    }
}
