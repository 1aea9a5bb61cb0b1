package org.devcd.testkit;

import org.osgi.annotation.versioning.ProviderType;

/**
 * A thread found running code of a dead bundle revision.
 *
 * @param bundleSymbolicName the bundle whose revision was dead
 * @param bundleId its id
 * @param death what killed the revision: {@code UNINSTALLED} (its bundle was uninstalled), {@code UNRESOLVED} (its
 *     bundle stays installed but the revision's wiring was refreshed away: a refresh, or an update, which Felix
 *     announces by unresolving first) or {@code UPDATED} (an update announced before any unresolve)
 * @param thread the thread's name
 * @param at the woven method the thread was in, {@code class.method}
 */
@ProviderType
public record StaleCodeReport(String bundleSymbolicName, long bundleId, String death, String thread, String at) {
    @Override
    public String toString() {
        return "thread '" + thread + "' ran " + at + " of " + bundleSymbolicName + " [" + bundleId + "] after it was "
                + death;
    }
}
