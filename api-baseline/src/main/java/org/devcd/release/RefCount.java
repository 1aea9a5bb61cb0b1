package org.devcd.release;

import org.osgi.annotation.versioning.ProviderType;

@ProviderType
public final class RefCount {
    public static final int MAX_COUNT = Integer.MAX_VALUE >>> 1;

    public RefCount(ReleaseAction action) { throw new UnsupportedOperationException(); }

    public void retain() { throw new UnsupportedOperationException(); }

    public boolean tryRetain() { throw new UnsupportedOperationException(); }

    public boolean release() { throw new UnsupportedOperationException(); }

    public int refCnt() { throw new UnsupportedOperationException(); }

    public boolean isReleased() { throw new UnsupportedOperationException(); }

    @Override
    public String toString() { throw new UnsupportedOperationException(); }
}
