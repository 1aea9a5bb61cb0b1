package org.devcd.coredump;

import org.osgi.annotation.versioning.ProviderType;

@ProviderType
public final class CoredumpEvents {
    public static final String TOPIC_ADDED = "org/devcd/coredump/ADDED";
    public static final String TOPIC_REMOVED = "org/devcd/coredump/REMOVED";
    public static final String NAME = "devcd.name";
    public static final String DEVICE = "devcd.device";
    public static final String SIZE = "devcd.size";
    public static final String BUNDLE_SYMBOLIC_NAME = "bundle.symbolicName";
    public static final String BUNDLE_VERSION = "bundle.version";
    public static final String REASON = "devcd.reason";

    private CoredumpEvents() {
    }
}
