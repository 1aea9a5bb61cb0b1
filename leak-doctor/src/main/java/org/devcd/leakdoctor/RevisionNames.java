package org.devcd.leakdoctor;

import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.osgi.annotation.versioning.ProviderType;
import org.osgi.framework.wiring.BundleRevision;

/**
 * How the leak doctor names a bundle revision everywhere (diagnoses, the test kit's failures, the zombie monitor):
 * {@code SYMBOLIC-NAME [BUNDLE-ID] rev N}, N being the revision's number within its bundle, 0 for the bundle as first
 * installed. Felix numbers its revisions {@code BUNDLE-ID.N}: a revision's {@code toString()} ends with it ({@code
 * org.acme.foo [42](R 42.0)} in Felix 7), and its heap shows the same id, so these names and the heap path's agree.
 */
@ProviderType
public final class RevisionNames {
    /** {@code (R 42.0)} at the end of Felix 7's {@code toString()}, or the bare {@code 42.0} of older versions. */
    private static final Pattern FELIX = Pattern.compile("(?:^|\\(R )(\\d+)\\.(\\d+)\\)?$");

    private RevisionNames() {
    }

    /** @return the revision's number within its bundle as the framework tells it (Felix), or empty elsewhere */
    public static OptionalInt number(BundleRevision revision) {
        Matcher felix = FELIX.matcher(String.valueOf(revision));
        if (felix.find() && Long.parseLong(felix.group(1)) == revision.getBundle().getBundleId()) {
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
