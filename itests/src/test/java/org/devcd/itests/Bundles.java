package org.devcd.itests;

import static org.junit.Assert.fail;

import java.util.Arrays;
import java.util.stream.Collectors;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.wiring.BundleRevision;

/** Lookups and checks on the framework's bundles, shared by the itests. */
final class Bundles {
    private Bundles() {
    }

    static Bundle bySymbolicName(BundleContext context, String symbolicName) {
        return Arrays.stream(context.getBundles())
                .filter(b -> symbolicName.equals(b.getSymbolicName()))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no bundle " + symbolicName + " installed; installed: "
                        + describeAll(context)));
    }

    /** Fails, naming them, if any installed bundle is not ACTIVE (or RESOLVED, for fragments). */
    static void assertAllResolved(BundleContext context) {
        String unresolved = Arrays.stream(context.getBundles())
                .filter(b -> b.getState() != Bundle.ACTIVE && !(isFragment(b) && b.getState() == Bundle.RESOLVED))
                .map(Bundles::describe)
                .collect(Collectors.joining(", "));
        if (!unresolved.isEmpty()) {
            fail("bundles not active: " + unresolved);
        }
    }

    static String describeAll(BundleContext context) {
        return Arrays.stream(context.getBundles()).map(Bundles::describe).collect(Collectors.joining(", "));
    }

    private static boolean isFragment(Bundle bundle) {
        BundleRevision revision = bundle.adapt(BundleRevision.class);
        return revision != null && (revision.getTypes() & BundleRevision.TYPE_FRAGMENT) != 0;
    }

    private static String describe(Bundle bundle) {
        return bundle.getSymbolicName() + " " + bundle.getVersion() + " [" + stateName(bundle.getState()) + "]";
    }

    private static String stateName(int state) {
        switch (state) {
            case Bundle.INSTALLED: return "INSTALLED";
            case Bundle.RESOLVED: return "RESOLVED";
            case Bundle.STARTING: return "STARTING";
            case Bundle.STOPPING: return "STOPPING";
            case Bundle.ACTIVE: return "ACTIVE";
            default: return "UNINSTALLED";
        }
    }
}
