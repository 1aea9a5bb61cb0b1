package org.devcd.release;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeoutException;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The safe {@link SharedObject}: a kobject embedded in a driver's device, released the {@code dm-builtin.c} way. Its count
 * starts at 1, held by the driver; the last {@link #put()}, on whatever thread, runs only the core's release action,
 * which signals a {@link Completion}; the driver's {@link #unregister(Duration)} drops its own reference and waits for that
 * signal, so when the driver's stop returns no thread can still be inside a release on the object's behalf, and no
 * release ever returns into the driver's code.
 *
 * <p>Thread-safety: {@link #tryGet()}, {@link #put()}, {@link #attributes()} from any thread; {@link #unregister(Duration)}
 * once, by the owner. Memory consistency effects: actions before the last {@code put()} happen-before the return of
 * {@code unregister}.
 */
@ProviderType
public final class KObject implements SharedObject {
    private final String name;
    private final Map<String, String> attributes;
    private final Completion released = new Completion();
    private final RefCount ref = new RefCount(ReleaseAction.complete(released));

    /**
     * @param name the object's name
     * @param attributes its attributes, copied
     */
    public KObject(String name, Map<String, String> attributes) {
        this.name = Objects.requireNonNull(name, "name");
        this.attributes = Map.copyOf(attributes);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Map<String, String> attributes() {
        return attributes;
    }

    @Override
    public boolean tryGet() {
        return ref.tryRetain();
    }

    @Override
    public void put() {
        ref.release();
    }

    /**
     * The owner's teardown ({@code dm_sysfs_exit}): drops the owner's reference, then waits for the last holder's release
     * to signal. Call it once, from the driver's stop.
     *
     * @param bound the longest wait for other holders
     * @throws TimeoutException if a holder kept its reference past {@code bound}; the message says how many remain
     * @throws InterruptedException if interrupted while waiting
     */
    public void unregister(Duration bound) throws InterruptedException, TimeoutException {
        ref.release();
        if (!released.await(bound)) {
            throw new TimeoutException("kobject '" + name + "': " + ref.refCnt() + " reference(s) still held after "
                    + bound);
        }
    }

    /** @return the current count; a snapshot, for diagnostics */
    public int refCnt() {
        return ref.refCnt();
    }

    @Override
    public String toString() {
        return "KObject[" + name + ", refCnt=" + ref.refCnt() + "]";
    }
}
