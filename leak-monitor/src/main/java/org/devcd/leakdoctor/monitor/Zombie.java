package org.devcd.leakdoctor.monitor;

import java.time.Instant;

import org.devcd.leakdoctor.RevisionNames;

/**
 * A removed bundle revision whose class loader outlived several full collections: something still holds it.
 *
 * @param bundleId the bundle's id
 * @param symbolicName the bundle's symbolic name at the time of the revision
 * @param version the revision's bundle version
 * @param revision the revision's number within its bundle, 0 for the bundle as first installed (Felix's
 *     {@code 42.0}, {@code 42.1}, ...)
 * @param removedAt when the framework removed the revision (uninstall or update, then refresh)
 * @param fullCollections how many full collections its class loader survived since then
 */
public record Zombie(long bundleId, String symbolicName, String version, int revision, Instant removedAt,
        int fullCollections) {

    /** @return the revision as the leak doctor names it everywhere: {@code org.acme.foo [42] rev 0} */
    public String revisionName() {
        return RevisionNames.of(symbolicName, bundleId, revision);
    }

    @Override
    public String toString() {
        return revisionName() + " (version " + version + "): removed " + removedAt + ", its class loader survived "
                + fullCollections + " full collections";
    }
}
