package org.devcd.release.debug;

import java.time.Duration;
import java.util.concurrent.TimeoutException;

import org.devcd.release.Completion;
import org.osgi.annotation.versioning.ProviderType;

@ProviderType
public final class ReleaseDebug {
    public static final String PROPERTY = "devcd.release.debug";

    private ReleaseDebug() {
    }

    public static Preemption holdAfterComplete(Completion completion, Duration maxHold) {
        throw new UnsupportedOperationException();
    }

    public static Preemption holdAfterComplete(Thread signaller, Duration maxHold) {
        throw new UnsupportedOperationException();
    }

    public static void delayAfterComplete(Duration min, Duration max) { throw new UnsupportedOperationException(); }

    public static void off() { throw new UnsupportedOperationException(); }

    public static boolean isArmed() { throw new UnsupportedOperationException(); }

    @ProviderType
    public static final class Preemption implements AutoCloseable {
        private Preemption() {
        }

        public Thread awaitArrival(Duration timeout) throws InterruptedException, TimeoutException {
            throw new UnsupportedOperationException();
        }

        public Thread heldThread() { throw new UnsupportedOperationException(); }

        public void resume() { throw new UnsupportedOperationException(); }

        @Override
        public void close() { throw new UnsupportedOperationException(); }

        @Override
        public String toString() { throw new UnsupportedOperationException(); }
    }
}
