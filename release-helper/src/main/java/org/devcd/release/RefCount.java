package org.devcd.release;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.Objects;

import org.osgi.annotation.versioning.ProviderType;

/**
 * A reference count with the semantics of the kernel's {@code struct kref}, whose release code belongs to this package.
 *
 * <p>The count starts at 1, held by whoever created it. {@link #retain()} ({@code kref_get}) needs a live reference;
 * {@link #tryRetain()} ({@code kref_get_unless_zero}) is for a caller that found the object through a lookup and may
 * race with its last release; {@link #release()} ({@code kref_put}) drops one reference and, on the last one, runs the
 * {@link ReleaseAction} once. Zero is terminal: the object is never resurrected.
 *
 * <p>The release action is one of the built-in {@link ReleaseAction}s, whose classes are this package's, so the thread
 * that happens to drop the last reference (any thread, at any time) only ever runs code of the long-lived bundle that
 * exports this package. The owner of the object waits for the action's {@link Completion} and does its real teardown on
 * its own thread. This is {@code dm-builtin.c}'s rule:
 * <pre>
 *   owner (driver stop)              foreign thread
 *   -------------------              --------------
 *                                    ref.tryRetain()         // step 1
 *   ref.release()      // 2->1, false
 *   released.await(bound)            ...
 *                                    ref.release()           // 1->0: runs complete(released)
 *   returns, bundle is uninstalled   // still inside release(): only core code is on this stack
 * </pre>
 *
 * <p>States: {@code LIVE(n >= 1) -> RELEASED}. The only way out of LIVE(1) is the last release; a retain of a RELEASED
 * count throws, a tryRetain of it returns false.
 *
 * <p>Encoding (Netty's {@code ReferenceCountUpdater}): the field holds {@code 2n} while live and an odd value once
 * released, so {@code retain} is a single {@code getAndAdd}; a retain that lands on a released count leaves it odd, so no
 * concurrent {@code tryRetain} can ever see it live again. Unlike Netty, {@code release} is a single {@code getAndAdd}
 * too (the kernel's {@code refcount_dec_and_test}), so a pair costs what a bare atomic counter does and never spins
 * under contention: the release whose {@code getAndAdd} takes the field from 2 to 0 is the last, marks it RELEASED,
 * then runs the action; {@code tryRetain} refuses 0 meanwhile:
 * <pre>
 *   last holder                          lookup (another thread)
 *   -----------                          -----------------------
 *   release(): getAndAdd(-2), was 2      // field is 0: no holder left
 *                                        tryRetain(): sees 0, returns false
 *   CAS 0 -> RELEASED, then the action
 * </pre>
 * Misuse (a retain or release without a reference) is detected and throws; as with the kernel's {@code refcount_t},
 * only such misuse landing in the instant between the last release's {@code getAndAdd} and its mark could go
 * unnoticed.
 *
 * <p>Thread-safety: all methods may be called from any thread. Memory consistency effects: actions of a thread before
 * its {@code release()} happen-before the release action runs; the release action runs in the thread of the last
 * {@code release()}.
 */
@ProviderType
public final class RefCount {
    /** The largest count: {@code 2 * MAX_COUNT} is the largest even int. */
    public static final int MAX_COUNT = Integer.MAX_VALUE >>> 1;

    private static final int RELEASED = 1;
    private static final VarHandle RAW;

    static {
        try {
            RAW = MethodHandles.lookup().findVarHandle(RefCount.class, "raw", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final ReleaseAction action;
    /** {@code 2 * count} while live, odd once released; written only through {@link #RAW}. */
    private volatile int raw = 2;

    /**
     * Creates a count of 1, held by the caller.
     *
     * @param action what the last {@link #release()} runs, for example {@link ReleaseAction#complete(Completion)}
     */
    public RefCount(ReleaseAction action) {
        this.action = Objects.requireNonNull(action, "action");
    }

    /**
     * Takes one more reference ({@code kref_get}). The caller must already hold one.
     *
     * @throws IllegalReferenceCountException {@code refCnt: 0, increment: 1} if the count was released, or
     *     {@code refCnt: 1073741823, increment: 1} at {@link #MAX_COUNT}; the count is left as it was
     */
    public void retain() {
        int old = (int) RAW.getAndAdd(this, 2);
        if ((old & 1) != 0) {
            // Released: the field stays odd, so the count stays dead for every other caller.
            throw new IllegalReferenceCountException(0, 1);
        }
        if (old <= 0) {
            // At zero, between a last release and its mark: give the 2 back so the count stays dead.
            RAW.getAndAdd(this, -2);
            throw new IllegalReferenceCountException(0, 1);
        }
        if (old == 2 * MAX_COUNT) {
            RAW.getAndAdd(this, -2);
            throw new IllegalReferenceCountException(MAX_COUNT, 1);
        }
    }

    /**
     * Takes a reference unless the count already reached zero ({@code kref_get_unless_zero}). Use it when the object
     * was found through a lookup rather than handed over with a reference. The result must be checked: on {@code false}
     * the caller holds nothing and must not touch the object.
     *
     * @return whether a reference was taken
     * @throws IllegalReferenceCountException at {@link #MAX_COUNT}
     */
    public boolean tryRetain() {
        for (;;) {
            int current = raw;
            if ((current & 1) != 0 || current <= 0) {
                return false; // released, or at zero: a racing last release is about to mark it released
            }
            if (current == 2 * MAX_COUNT) {
                throw new IllegalReferenceCountException(MAX_COUNT, 1);
            }
            if (RAW.weakCompareAndSet(this, current, current + 2)) {
                return true;
            }
        }
    }

    /**
     * Drops one reference ({@code kref_put}); the last one runs the release action, once, in this thread.
     *
     * @return {@code true} iff this call dropped the last reference and ran the release action
     * @throws IllegalReferenceCountException {@code refCnt: 0, decrement: 1} if the count was already released
     */
    public boolean release() {
        int old = (int) RAW.getAndAdd(this, -2);
        if (old > 2 && (old & 1) == 0) {
            return false;
        }
        if (old == 2) {
            // This release took the count to zero: mark it released for good before the action runs. A correct caller
            // never touches a zero count (tryRetain refuses it), so the CAS succeeds; the OR keeps the count odd
            // against a retain or release without a reference that landed in between.
            if (!RAW.compareAndSet(this, 0, RELEASED)) {
                RAW.getAndBitwiseOr(this, RELEASED);
            }
            action.release();
            return true;
        }
        throw new IllegalReferenceCountException(0, -1); // released already, or at zero on its way to released
    }

    /** @return the current count, {@code 0} once released; a snapshot, for diagnostics only */
    public int refCnt() {
        int current = raw;
        return (current & 1) != 0 ? 0 : current >>> 1;
    }

    /** @return whether the last reference was dropped; once true, always true */
    public boolean isReleased() {
        return (raw & 1) != 0;
    }

    @Override
    public String toString() {
        return "RefCount@" + Integer.toHexString(System.identityHashCode(this)) + "[refCnt=" + refCnt() + ", " + action
                + "]";
    }
}
