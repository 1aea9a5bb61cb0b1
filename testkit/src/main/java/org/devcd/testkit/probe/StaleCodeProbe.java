package org.devcd.testkit.probe;

import org.devcd.testkit.internal.Revisions;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Woven into every method of a watched bundle, at entry and after every call it makes: the moment a thread runs, or
 * returns into, code of a bundle revision that was uninstalled or refreshed, the detector records it. While the revision
 * is alive the check is one array read.
 */
@ProviderType
public final class StaleCodeProbe {
    private StaleCodeProbe() {
    }

    /**
     * @param revision the token the weaver gave the revision of the calling class
     */
    public static void check(int revision) {
        if (Revisions.isDead(revision)) {
            Revisions.report(revision);
        }
    }
}
