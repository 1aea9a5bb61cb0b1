package org.devcd.release;

import java.util.Objects;

import org.osgi.annotation.versioning.ProviderType;

/**
 * What a {@link RefCount} runs when its last reference is dropped: the kobject release method.
 *
 * <p>This interface is sealed: every release action is a class of this package, so it is loaded by the long-lived bundle
 * that exports the package, never by a driver. A driver cannot hand the core a release lambda of its own to run on a
 * foreign thread, because the thread that drops the last reference can be preempted inside the release method and resume
 * after the driver's bundle was uninstalled ({@code dm-builtin.c}: "there is no way to prevent the module from being
 * unloaded at the end of the release method"). The built-in actions only signal; the owner does its teardown after waiting
 * for the signal, in its own thread.
 */
@ProviderType
public sealed interface ReleaseAction permits CompleteAction {

    /**
     * Runs the release. Called at most once per {@link RefCount}, by the thread that dropped the last reference.
     */
    void release();

    /**
     * The {@code dm_kobject_release} action: {@link Completion#complete()} on the given completion, waking one waiter.
     *
     * @param completion what the owner waits on before it tears the object down
     * @return the action
     */
    static ReleaseAction complete(Completion completion) {
        return new CompleteAction(Objects.requireNonNull(completion, "completion"), false);
    }

    /**
     * Like {@link #complete(Completion)}, but {@link Completion#completeAll()}: every present and future waiter returns.
     *
     * @param completion what the owner (and anyone else) waits on
     * @return the action
     */
    static ReleaseAction completeAll(Completion completion) {
        return new CompleteAction(Objects.requireNonNull(completion, "completion"), true);
    }
}
