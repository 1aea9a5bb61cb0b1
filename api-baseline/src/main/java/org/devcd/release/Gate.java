package org.devcd.release;

import java.time.Duration;
import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

@ProviderType
public final class Gate {
    public Gate(String name) { throw new UnsupportedOperationException(); }

    public Pass enter() { throw new UnsupportedOperationException(); }

    public void close() { throw new UnsupportedOperationException(); }

    public void closeAndDrain(Duration bound) throws DrainTimeoutException, InterruptedException {
        throw new UnsupportedOperationException();
    }

    public int inFlight() { throw new UnsupportedOperationException(); }

    public boolean isClosed() { throw new UnsupportedOperationException(); }

    public boolean isDrained() { throw new UnsupportedOperationException(); }

    public List<Thread> threadsInside() { throw new UnsupportedOperationException(); }

    public boolean isInside(Thread thread) { throw new UnsupportedOperationException(); }

    public String name() { throw new UnsupportedOperationException(); }

    @Override
    public String toString() { throw new UnsupportedOperationException(); }

    @ProviderType
    public final class Pass implements AutoCloseable {
        private Pass() {
        }

        @Override
        public void close() { throw new UnsupportedOperationException(); }

        @Override
        public String toString() { throw new UnsupportedOperationException(); }
    }
}
