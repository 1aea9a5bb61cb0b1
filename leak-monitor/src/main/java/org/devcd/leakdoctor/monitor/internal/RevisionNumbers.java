package org.devcd.leakdoctor.monitor.internal;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.osgi.framework.wiring.BundleRevision;

/**
 * A revision's number within its bundle. Felix names revisions {@code BUNDLEID.N} ({@code toString()} of its
 * revision), which is what its heap shows too, so the monitor and the heap path agree; on another framework the number
 * is how many revisions of the bundle the monitor saw before.
 */
final class RevisionNumbers {
    private static final Pattern FELIX = Pattern.compile("(\\d+)\\.(\\d+)");

    private RevisionNumbers() {
    }

    static int of(BundleRevision revision, List<Watched> seen) {
        long bundleId = revision.getBundle().getBundleId();
        Matcher felix = FELIX.matcher(String.valueOf(revision));
        if (felix.matches() && Long.parseLong(felix.group(1)) == bundleId) {
            return Integer.parseInt(felix.group(2));
        }
        int before = 0;
        for (Watched w : seen) {
            if (w.bundleId == bundleId) {
                before++;
            }
        }
        return before;
    }
}
