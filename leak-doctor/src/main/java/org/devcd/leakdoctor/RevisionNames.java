package org.devcd.leakdoctor;

import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.osgi.annotation.versioning.ProviderType;
import org.osgi.framework.wiring.BundleRevision;

/**
 * How the leak doctor names a bundle revision everywhere (diagnoses, the test kit's failures, the zombie monitor):
 * {@code SYMBOLIC-NAME [BUNDLE-ID] rev N}, N being the revision's number within its bundle, 0 for the bundle as first
 * installed. Felix names its revisions {@code BUNDLE-ID.N} ({@code toString()} of a revision), which is also what its
 * heap shows, so these names and the heap path's agree.
 */
@ProviderType
public final class RevisionNames {
    private static final Pattern FELIX = Pattern.compile("(\\d+)\\.(\\d+)");

    private RevisionNames() {
    }

    /** @return the revision's number within its bundle as the framework tells it (Felix), or empty elsewhere */
    public static OptionalInt number(BundleRevision revision) {
        Matcher felix = FELIX.matcher(String.valueOf(revision));
        if (felix.matches() && Long.parseLong(felix.group(1)) == revision.getBundle().getBundleId()) {
            return OptionalInt.of(Integer.parseInt(felix.group(2)));
        }
        return OptionalInt.empty();
    }

    /** @return e.g. {@code org.acme.foo [42] rev 0}, {@code rev ?} where the framework does not number revisions */
    public static String of(BundleRevision revision) {
        OptionalInt number = number(revision);
        return revision.getSymbolicName() + " [" + revision.getBundle().getBundleId() + "] rev "
                + (number.isPresent() ? Integer.toString(number.getAsInt()) : "?");
    }

    /** @return e.g. {@code org.acme.foo [42] rev 0} */
    public static String of(String symbolicName, long bundleId, int number) {
        return symbolicName + " [" + bundleId + "] rev " + number;
    }
}
