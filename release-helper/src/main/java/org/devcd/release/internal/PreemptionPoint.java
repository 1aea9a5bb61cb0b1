package org.devcd.release.internal;

import java.util.concurrent.atomic.AtomicReference;

import org.devcd.release.Completion;

/**
 * The preemption point right after a {@link Completion} is signalled: the one hook {@link Completion#complete()} and
 * {@link Completion#completeAll()} call. Disarmed, it costs one volatile read.
 *
 * <p>Not API: the core bundle carries this package and never exports it. Only
 * {@link org.devcd.release.debug.ReleaseDebug} arms the point, and only in a JVM started with
 * {@code -Ddevcd.release.debug=true}; that opt-in is checked there, not here.
 *
 * <p>Thread-safety: all methods may be called from any thread. Memory consistency effects: actions before a successful
 * {@link #arm(Preempter)} happen-before the armed preempter runs at the point.
 */
public final class PreemptionPoint {
    /** What runs at the point, on the signalling thread, while armed. */
    public interface Preempter {
        /** @param signalled the completion the current thread has just signalled */
        void preempt(Completion signalled);
    }

    /** The armed preempter, or {@code null}: the point's only state. */
    private static final AtomicReference<Preempter> ARMED = new AtomicReference<>();

    private PreemptionPoint() {
    }

    /** Called by {@link Completion} right after each signal: runs the armed preempter, if any. */
    public static void afterComplete(Completion signalled) {
        Preempter armed = ARMED.get();
        if (armed != null) {
            armed.preempt(signalled);
        }
    }

    /**
     * Arms {@code preempter} if the point is disarmed.
     *
     * @return {@code null} if {@code preempter} is now armed, otherwise the one already armed (then nothing changed)
     */
    public static Preempter arm(Preempter preempter) {
        return ARMED.compareAndExchange(null, preempter);
    }

    /** Disarms the point if {@code preempter} is the one armed; otherwise does nothing. */
    public static void disarm(Preempter preempter) {
        ARMED.compareAndSet(preempter, null);
    }

    /** @return the preempter that was armed, now disarmed, or {@code null} if none was */
    public static Preempter disarm() {
        return ARMED.getAndSet(null);
    }

    /** @return whether a preempter is armed */
    public static boolean isArmed() {
        return ARMED.get() != null;
    }
}
