package org.devcd.driver.naive;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

import org.devcd.release.Completion;
import org.devcd.release.SharedObject;

/**
 * DELIBERATELY WRONG: a shared object whose release method lives in this (unloadable) bundle, the design
 * {@code dm-builtin.c} explains is broken. The last {@link #put()}, on a foreign thread, runs {@link #release()}: it
 * signals the completion the owner waits on (step 6) and then does a little more work in this bundle's code. If that
 * thread is preempted between the two (step 7) while the owner's stop finishes and the bundle is uninstalled and
 * refreshed (steps 8-9), the thread resumes inside a bundle whose wiring is gone (step 10): its first load of a new class
 * of this bundle fails with {@code NoClassDefFoundError}. (Steps as numbered in
 * {@code docs/kernel-lessons.md#dm-builtin}.)
 */
final class NaiveObject implements SharedObject {
    private final String name;
    private final AtomicInteger count = new AtomicInteger(1);
    private final Completion released = new Completion();

    NaiveObject(String name) {
        this.name = name;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Map<String, String> attributes() {
        return Map.of("model", "devcd naive disk");
    }

    @Override
    public boolean tryGet() {
        for (int current = count.get(); current > 0; current = count.get()) {
            if (count.compareAndSet(current, current + 1)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void put() {
        if (count.decrementAndGet() == 0) {
            release();
        }
    }

    /** The release method, in the driver: the bug. */
    private void release() {
        released.complete(); // dm_kobject_release's complete(); a preemption here is step 7
        ReleaseLog.record(name); // "a little more work" in driver code, after the owner may have gone
    }

    void unregister(Duration bound) throws InterruptedException, TimeoutException {
        put();
        if (!released.await(bound)) {
            throw new TimeoutException("naive object '" + name + "': still referenced after " + bound);
        }
    }
}
