package org.devcd.release;

import org.osgi.annotation.versioning.ProviderType;

@ProviderType
public sealed interface ReleaseAction permits CompleteAction {
    void release();

    static ReleaseAction complete(Completion completion) { throw new UnsupportedOperationException(); }

    static ReleaseAction completeAll(Completion completion) { throw new UnsupportedOperationException(); }
}
