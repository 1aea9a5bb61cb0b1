package org.devcd.leakdoctor;

import java.lang.ref.Reference;
import java.lang.ref.ReferenceQueue;
import java.lang.ref.WeakReference;
import java.time.Duration;
import java.util.Objects;

import org.devcd.leakdoctor.internal.FullCollections;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Decides "not collected" by witnessing garbage collections, never by sleeping. A weak reference that is still set
 * proves nothing until a collection that would have cleared it has really run; this class waits for exactly that proof.
 *
 * <p><b>What counts as a full collection</b>: one that clears every weak reference to an object that was unreachable
 * when it began, wherever in the heap the reference and the object are. It is read from the
 * {@code GarbageCollectorMXBean} notifications, by their {@code gcAction} wherever that suffices:
 * <ul>
 * <li>Serial, Parallel and G1 full collections: {@code end of major GC} ({@code MarkSweepCompact},
 * {@code PS MarkSweep}, {@code G1 Old Generation}). {@code System.gc()} is one, unless the JVM runs with
 * {@code -XX:+ExplicitGCInvokesConcurrent} or {@code -XX:+DisableExplicitGC}.
 * <li>ZGC, and Shenandoah without generations, whose every cycle marks the whole heap: {@code end of GC cycle} of
 * {@code ZGC Cycles} (JDK 17), {@code ZGC Major Cycles} (generational ZGC) or {@code Shenandoah Cycles}; never their
 * pauses or ZGC's minor cycles. Generational Shenandoah announces young and global cycles alike, so of its cycles only
 * those {@code System.gc()} caused (always global) count.
 * <li>Never a young or mixed collection ({@code end of minor GC}), and never a G1 concurrent cycle: JDK 17 does not
 * announce those, and JDK 20 and later announce their Remark and Cleanup pauses ({@code G1 Concurrent GC},
 * {@code end of concurrent GC pause}), but a cycle does not clear a weak reference that is itself still in the young
 * generation (measured on JDK 25: a fresh reference to an old, unreachable object survived ten cycles; a full
 * collection cleared it). On G1, then, only full collections count.
 * <li>Epsilon never collects: nothing counts.
 * </ul>
 * A concurrent cycle that was already marking when an object became unreachable may keep it (it marks what was
 * reachable when it began): after one such cycle a reference may be set for no fault of the program, after two it is
 * not. A collection that ended before a wait, or a watch, began never counts for it.
 *
 * <p>Thread safety: every method may be called from any thread; waits are independent of each other.
 */
@ProviderType
public final class GcWitness {
    /** How many witnessed full collections a target survives before {@link #awaitCollected} says "not collected". */
    public static final int DEFAULT_COLLECTIONS = 3;
    /** How long a round waits for its proof before it asks for a collection again. */
    private static final Duration RETRY = Duration.ofMillis(500);

    private GcWitness() {
    }

    /**
     * Whether {@code target} is cleared within {@code bound}, deciding "not collected" only after it survived
     * {@value #DEFAULT_COLLECTIONS} witnessed full collections (or the bound expired): {@code await(target, 3,
     * bound).collected()}.
     *
     * @see #await(WeakReference, int, Duration)
     */
    public static boolean awaitCollected(WeakReference<?> target, Duration bound) throws InterruptedException {
        return await(target, DEFAULT_COLLECTIONS, bound).collected();
    }

    /**
     * Collects until {@code target} is cleared, it survived {@code collections} witnessed full collections, or
     * {@code bound} expired, whichever comes first; returns as soon as the target is seen cleared.
     *
     * <p>Each round creates a throwaway sentinel object, weakly referenced and registered on a reference queue, calls
     * {@code System.gc()} (again every half second while the round's proof is missing), waits until the sentinel is
     * enqueued (a collection and its reference processing really
     * ran) and, where the JVM announces collections, until a full collection that ended after the wait began is
     * announced. Only then does a still-set target count as having survived one. Where no collector announces its
     * collections, the sentinel alone is the witness. Where no full collection follows {@code System.gc()} (see the
     * class comment), the bound expires with fewer collections witnessed than asked for.
     *
     * <p>Calls {@code System.gc()}: for tests and diagnostics, not for a production monitor (see
     * {@link #observe(SurvivalListener)}).
     *
     * @param target      the reference to watch; its referent must already be unreachable for "collected" to come
     * @param collections how many witnessed full collections the target must survive to be "not collected", &gt; 0
     * @param bound       how long to try at most, &gt; 0
     * @return the verdict, with the number of full collections witnessed while the target was still set
     * @throws InterruptedException     if interrupted while waiting
     * @throws IllegalArgumentException if {@code collections} or {@code bound} is not positive
     */
    public static GcVerdict await(WeakReference<?> target, int collections, Duration bound)
            throws InterruptedException {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(bound, "bound");
        if (collections <= 0) {
            throw new IllegalArgumentException("collections: " + collections + " (expected: > 0)");
        }
        if (bound.isNegative() || bound.isZero()) {
            throw new IllegalArgumentException("bound: " + bound + " (expected: > 0)");
        }
        long deadline = System.nanoTime() + saturatedNanos(bound);
        int witnessed = 0;
        try (FullCollections full = FullCollections.open()) {
            while (!target.refersTo(null) && witnessed < collections) {
                long before = full.count();
                ReferenceQueue<Object> queue = new ReferenceQueue<>();
                WeakReference<Object> sentinel = new WeakReference<>(new Object(), queue);
                System.gc();
                boolean ran = awaitRound(queue, full, before, deadline);
                // The sentinel must stay reachable itself until enqueued: an unreachable reference is never enqueued.
                Reference.reachabilityFence(sentinel);
                if (!ran) {
                    break;
                }
                if (!target.refersTo(null)) {
                    witnessed++;
                }
            }
        }
        return new GcVerdict(target.refersTo(null), witnessed, collections);
    }

    /**
     * Starts a watch that, after each full collection (as defined in the class comment), tells {@code listener} which
     * of the weak references registered with it survived, and how many full collections each has survived so far. It
     * never calls {@code System.gc()} and starts no thread: while no collection runs it costs its weak references and
     * one notification listener. For production monitors of uninstalled bundles' loaders.
     *
     * @param listener told after each full collection, on the JDK's notification thread
     * @param <K>      what the caller names its references by (a bundle id, say); a key must not reach the referent
     * @return the watch, open until {@link SurvivalWatch#close()}
     */
    public static <K> SurvivalWatch<K> observe(SurvivalListener<K> listener) {
        return new SurvivalWatch<>(Objects.requireNonNull(listener, "listener"));
    }

    /**
     * Waits for one round's proof: the sentinel enqueued and, where collections are announced, a full one announced
     * since {@code before}. Calls {@code System.gc()} again every {@link #RETRY} while the proof is missing: a JVM may
     * skip an explicit collection (G1 does while a thread holds a JNI critical region), and then a single call would
     * leave the round waiting for the whole bound although nothing is wrong.
     *
     * @return whether the proof came before {@code deadline}
     */
    private static boolean awaitRound(ReferenceQueue<Object> queue, FullCollections full, long before, long deadline)
            throws InterruptedException {
        boolean enqueued = false;
        for (long now = System.nanoTime(); deadline - now > 0; now = System.nanoTime()) {
            long until = now + Math.min(deadline - now, RETRY.toNanos());
            enqueued = enqueued || awaitEnqueued(queue, until);
            if (enqueued && (!full.announced() || full.awaitMoreThan(before, until))) {
                return true;
            }
            System.gc();
        }
        return false;
    }

    private static boolean awaitEnqueued(ReferenceQueue<Object> queue, long deadline) throws InterruptedException {
        long millis = Duration.ofNanos(deadline - System.nanoTime()).toMillis();
        return millis > 0 && queue.remove(millis) != null;
    }

    private static long saturatedNanos(Duration duration) {
        try {
            return duration.toNanos();
        } catch (ArithmeticException e) {
            return Long.MAX_VALUE;
        }
    }
}
