package org.devcd.driver.sample;

import java.time.Duration;
import java.util.concurrent.TimeoutException;

import org.devcd.release.Completion;
import org.devcd.release.RefCount;
import org.devcd.release.ReleaseAction;

/**
 * The simulated device's shared object (a kobject embedded in a dm device): other threads may hold references to it,
 * and the last of them, whoever drops it, runs only the core's release action.
 *
 * <p>Thread-safety: {@link #tryGet()} and {@link #put()} may be called from any thread; {@link #unregister(Duration)}
 * once, by the owner.
 */
final class SampleDevice {
    private final String name;
    private final Completion released = new Completion();
    // The release action is the core's class: after complete() the releasing thread returns through core code only.
    private final RefCount ref = new RefCount(ReleaseAction.complete(released));

    SampleDevice(String name) {
        this.name = name;
    }

    String name() {
        return name;
    }

    /** Takes a reference for a holder that found the device by lookup; {@code false} once the device is going away. */
    boolean tryGet() {
        return ref.tryRetain();
    }

    /** Drops a reference taken with {@link #tryGet()}. */
    void put() {
        ref.release();
    }

    /**
     * The owner's teardown ({@code dm_sysfs_exit}): drops the owner's reference, then waits for the last holder's release
     * to signal. After it returns, no thread runs code of this bundle on the device's behalf.
     *
     * @param bound the longest wait for foreign holders
     * @throws TimeoutException if a holder kept its reference past {@code bound}
     */
    void unregister(Duration bound) throws InterruptedException, TimeoutException {
        ref.release();
        if (!released.await(bound)) {
            throw new TimeoutException("device '" + name + "': " + ref.refCnt() + " reference(s) still held after "
                    + bound);
        }
    }

    int refCnt() {
        return ref.refCnt();
    }

    @Override
    public String toString() {
        return "SampleDevice[" + name + ", " + ref + "]";
    }
}
