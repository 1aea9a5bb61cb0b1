package org.devcd.leakdoctor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.ref.Reference;
import java.lang.ref.WeakReference;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link GcWitness#await}: "collected" as soon as the target is cleared, "not collected" only after exactly the asked
 * number of witnessed full collections. No assertion on speed: the bound is generous and never reached here.
 */
class GcWitnessTest {
    private static final Duration BOUND = Duration.ofSeconds(30);

    /** A reference already cleared is collected without any collection witnessed. */
    @Test
    void aClearedTargetIsCollectedAtOnce() throws InterruptedException {
        WeakReference<Object> target = new WeakReference<>(new Object());
        target.clear();
        assertThat(GcWitness.await(target, 3, BOUND)).isEqualTo(new GcVerdict(true, 0, 3));
    }

    /** An unreachable referent is cleared by the first full collection, which it therefore does not survive. */
    @Test
    void anUnreachableTargetIsCollectedByTheFirstFullCollection() throws InterruptedException {
        GcVerdict verdict = GcWitness.await(unreachable(), 3, BOUND);
        assertThat(verdict).isEqualTo(new GcVerdict(true, 0, 3));
        assertThat(verdict.conclusive()).isTrue();
        assertThat(GcWitness.awaitCollected(unreachable(), BOUND)).isTrue();
    }

    /**
     * A strongly held referent is "not collected" after exactly the asked number of witnessed full collections, which
     * the JVM's own collection counts confirm did run.
     */
    @ParameterizedTest
    @ValueSource(ints = {1, 3})
    void aStronglyHeldTargetSurvivesExactlyTheAskedCollections(int collections) throws InterruptedException {
        Object held = new Object();
        long before = collectionsSoFar();
        GcVerdict verdict = GcWitness.await(new WeakReference<>(held), collections, BOUND);
        assertThat(collectionsSoFar() - before).isGreaterThanOrEqualTo(collections);
        assertThat(verdict).isEqualTo(new GcVerdict(false, collections, collections));
        assertThat(verdict.conclusive()).isTrue();
        assertThat(verdict).hasToString("not collected: survived " + collections + " witnessed full collections");
        Reference.reachabilityFence(held);
    }

    /** Arguments are checked with exact messages. */
    @Test
    void rejectsNonPositiveArguments() {
        WeakReference<Object> target = new WeakReference<>(null);
        assertThatIllegalArgumentException().isThrownBy(() -> GcWitness.await(target, 0, BOUND))
                .withMessage("collections: 0 (expected: > 0)");
        assertThatIllegalArgumentException().isThrownBy(() -> GcWitness.await(target, 3, Duration.ZERO))
                .withMessage("bound: PT0S (expected: > 0)");
        assertThatIllegalArgumentException().isThrownBy(() -> GcWitness.awaitCollected(target, Duration.ofSeconds(-1)))
                .withMessage("bound: PT-1S (expected: > 0)");
    }

    /** A verdict whose bound expired says so, and is not conclusive. */
    @Test
    void aVerdictCutShortByTheBoundSaysSo() {
        GcVerdict verdict = new GcVerdict(false, 1, 3);
        assertThat(verdict.conclusive()).isFalse();
        assertThat(verdict).hasToString("not collected: the bound expired after 1 of 3 witnessed full collections");
    }

    private static long collectionsSoFar() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream()
                .mapToLong(GarbageCollectorMXBean::getCollectionCount).sum();
    }

    /** A weak reference whose referent nothing else holds (made here, so no stack slot of the test keeps it). */
    static WeakReference<Object> unreachable() {
        return new WeakReference<>(new Object());
    }
}
