package org.devcd.testkit;

import java.util.List;
import java.util.stream.Collectors;

import org.devcd.testkit.internal.Revisions;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The stale-code detector's findings. The detector weaves the bundles whose symbolic names match the framework property
 * {@code devcd.testkit.watch} (comma-separated, {@code *} as a trailing wildcard), so install the test kit before them.
 */
@ProviderType
public final class StaleCode {
    private StaleCode() {
    }

    /** @return every report so far, oldest first */
    public static List<StaleCodeReport> reports() {
        return Revisions.reports();
    }

    /** @return the reports about bundle {@code symbolicName} */
    public static List<StaleCodeReport> reportsAbout(String symbolicName) {
        return reports().stream().filter(r -> r.bundleSymbolicName().equals(symbolicName))
                .collect(Collectors.toList());
    }

    /** @return how many classes of {@code symbolicName} the detector has woven (0 means it is not watching it) */
    public static int wovenClasses(String symbolicName) {
        return Revisions.wovenClasses(symbolicName);
    }

    /**
     * Fails if any thread ran or returned into code of {@code symbolicName} after one of its revisions died.
     *
     * @throws AssertionError listing the reports
     * @throws IllegalStateException if the detector never wove the bundle: the check would prove nothing
     */
    public static void assertNoneAbout(String symbolicName) {
        if (wovenClasses(symbolicName) == 0) {
            throw new IllegalStateException("the stale-code detector is not watching " + symbolicName
                    + ": add it to the framework property devcd.testkit.watch and install the test kit first");
        }
        List<StaleCodeReport> found = reportsAbout(symbolicName);
        if (!found.isEmpty()) {
            throw new AssertionError("code of " + symbolicName + " ran after its revision died: " + found);
        }
    }
}
