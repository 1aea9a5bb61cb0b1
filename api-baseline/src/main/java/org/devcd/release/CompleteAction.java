package org.devcd.release;

// Not API (package-private); here only because the sealed ReleaseAction names it.
final class CompleteAction implements ReleaseAction {
    @Override
    public void release() { throw new UnsupportedOperationException(); }
}
