package org.devcd.leakdoctor;

import java.util.List;
import java.util.Objects;

import org.devcd.leakdoctor.internal.Check;
import org.devcd.leakdoctor.internal.ClosedInternalException;
import org.devcd.leakdoctor.internal.Findings;
import org.devcd.leakdoctor.internal.JdbcDriverCheck;
import org.devcd.leakdoctor.internal.LogHandlerCheck;
import org.devcd.leakdoctor.internal.MBeanCheck;
import org.devcd.leakdoctor.internal.Ownership;
import org.devcd.leakdoctor.internal.SecurityProviderCheck;
import org.devcd.leakdoctor.internal.ServiceCheck;
import org.devcd.leakdoctor.internal.ShutdownHookCheck;
import org.devcd.leakdoctor.internal.ThreadCheck;
import org.devcd.leakdoctor.internal.ThreadLocalCheck;
import org.devcd.leakdoctor.internal.TimerCheck;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Names what in the live JVM holds a class loader, without a heap dump: the well-known places where a stopped bundle's
 * objects outlive it because the JDK keeps them (see {@link Culprit.Kind}). An object, a class or the loader itself
 * "belongs" to the loader when the loader is, or defined, its class.
 *
 * <p>Some of these places are private to the JDK. With them closed a check does what it can and says, in one
 * {@link Culprit.Kind#NOT_INSPECTED} line, what it could not see and which JVM option opens it; nothing is ever thrown
 * or printed for it:
 * <table>
 * <caption>What needs which option</caption>
 * <tr><th>check</th><th>option</th></tr>
 * <tr><td>threads' {@code Runnable}s, thread locals, shutdown hooks</td>
 * <td>{@code --add-opens java.base/java.lang=ALL-UNNAMED}</td></tr>
 * <tr><td>timer tasks</td><td>{@code --add-opens java.base/java.util=ALL-UNNAMED}</td></tr>
 * <tr><td>JDBC drivers</td><td>{@code --add-opens java.sql/java.sql=ALL-UNNAMED}</td></tr>
 * </table>
 * (Bundles live in unnamed modules, so {@code ALL-UNNAMED} opens these to devcd in Felix and Karaf.) Thread, context
 * class loader, MBean, security provider, log handler and service checks use public API only.
 *
 * <p>What no check knows (a static field of another bundle, a listener registered with some library, a cache) the heap
 * path finds ({@code org.devcd.leakdoctor.heap}).
 */
@ProviderType
public final class Attribution {
    private static final List<Check> CHECKS = List.of(new ThreadCheck(), new ThreadLocalCheck(),
            new JdbcDriverCheck(), new ShutdownHookCheck(), new TimerCheck(), new MBeanCheck(),
            new SecurityProviderCheck(), new LogHandlerCheck(), new ServiceCheck());

    private Attribution() {
    }

    /**
     * Every culprit in the live JVM that holds {@code loader}, in the order of {@link Culprit.Kind}; a check that could
     * not run, wholly or in part, puts its not-inspected line where its culprits would stand. Empty when no check
     * finds a holder and every check could run.
     *
     * <p>Thread safety: may be called from any thread, concurrently. It starts, stops, registers and unregisters
     * nothing, and keeps nothing: when it returns no reference to {@code loader} or its objects remains (culprits are
     * strings). It reads structures other threads change meanwhile, so a holder added or removed during the call may
     * or may not be seen.
     *
     * @param loader the class loader to explain, typically an uninstalled bundle's
     * @return the culprits, unmodifiable
     * @throws NullPointerException if {@code loader} is null
     */
    public static List<Culprit> of(ClassLoader loader) {
        Objects.requireNonNull(loader, "loader");
        Ownership ownership = new Ownership(loader);
        Findings findings = new Findings();
        for (Check check : CHECKS) {
            try {
                check.inspect(ownership, findings);
            } catch (ClosedInternalException e) {
                findings.notInspected(check.subject(), e);
            } catch (RuntimeException | LinkageError e) {
                // Not foreseen (a provider's getName() that throws, a JDK laid out differently): one line, go on.
                findings.failed(check.subject(), e);
            }
        }
        return findings.culprits();
    }
}
