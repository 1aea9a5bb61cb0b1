package org.devcd.leakdoctor.monitor.internal;

import java.util.List;
import java.util.OptionalInt;

import org.devcd.leakdoctor.RevisionNames;
import org.osgi.framework.wiring.BundleRevision;

/**
 * A revision's number within its bundle: the framework's where it numbers revisions ({@link RevisionNames#number},
 * Felix), elsewhere how many revisions of the bundle the monitor saw before.
 */
final class RevisionNumbers {
    private RevisionNumbers() {
    }

    static int of(BundleRevision revision, List<Watched> seen) {
        OptionalInt framework = RevisionNames.number(revision);
        if (framework.isPresent()) {
            return framework.getAsInt();
        }
        long bundleId = revision.getBundle().getBundleId();
        int before = 0;
        for (Watched w : seen) {
            if (w.bundleId == bundleId) {
                before++;
            }
        }
        return before;
    }
}
