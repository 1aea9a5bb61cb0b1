package org.devcd.coredump;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The EventAdmin events devcd posts in place of the kernel's uevents, and their properties. For each dump, {@code ADDED}
 * is posted only once it is completely registered and listed, and {@code REMOVED} after it was freed; {@code REMOVED}
 * never precedes the {@code ADDED} of the same dump.
 */
@ProviderType
public final class CoredumpEvents {
    /** A dump was registered: it is listed and readable. */
    public static final String TOPIC_ADDED = "org/devcd/coredump/ADDED";
    /** A dump was deleted and freed. */
    public static final String TOPIC_REMOVED = "org/devcd/coredump/REMOVED";

    /** {@code String}: the dump's name, {@code devcdN}. */
    public static final String NAME = "devcd.name";
    /** {@code String}: the failing device. */
    public static final String DEVICE = "devcd.device";
    /** {@code Long}: the dump's size in bytes. */
    public static final String SIZE = "devcd.size";
    /** {@code String}: the owner bundle's symbolic name. */
    public static final String BUNDLE_SYMBOLIC_NAME = "bundle.symbolicName";
    /** {@code String}: the owner bundle's version. */
    public static final String BUNDLE_VERSION = "bundle.version";
    /** {@code String}, REMOVED only: the {@link RemovalReason} name. */
    public static final String REASON = "devcd.reason";

    private CoredumpEvents() {
    }
}
