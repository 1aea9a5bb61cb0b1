package org.devcd.release;

import java.time.Duration;

import org.osgi.annotation.versioning.ProviderType;

@ProviderType
public final class Completion {
    public void complete() { throw new UnsupportedOperationException(); }

    public void completeAll() { throw new UnsupportedOperationException(); }

    public void await() throws InterruptedException { throw new UnsupportedOperationException(); }

    public boolean await(Duration timeout) throws InterruptedException { throw new UnsupportedOperationException(); }

    public boolean isDone() { throw new UnsupportedOperationException(); }

    @Override
    public String toString() { throw new UnsupportedOperationException(); }
}
