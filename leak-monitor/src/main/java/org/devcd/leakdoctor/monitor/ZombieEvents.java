package org.devcd.leakdoctor.monitor;

/**
 * The Event Admin event the monitor posts when a revision becomes a zombie, once per revision. Posted only while an
 * Event Admin runs; the monitor works without one.
 */
public final class ZombieEvents {
    /** A removed revision's class loader survived the configured number of full collections. */
    public static final String TOPIC_ZOMBIE = "org/devcd/leakdoctor/ZOMBIE";
    /** {@code Long}: the bundle's id. */
    public static final String BUNDLE_ID = "bundle.id";
    /** {@code String}: the bundle's symbolic name. */
    public static final String BUNDLE_SYMBOLIC_NAME = "bundle.symbolicName";
    /** {@code String}: the revision's bundle version. */
    public static final String BUNDLE_VERSION = "bundle.version";
    /** {@code Integer}: the revision's number within its bundle. */
    public static final String REVISION = "revision";
    /** {@code String}: {@link Zombie#revisionName()}. */
    public static final String REVISION_NAME = "revision.name";
    /** {@code Integer}: full collections survived. */
    public static final String FULL_COLLECTIONS = "full.collections";

    private ZombieEvents() {
    }
}
