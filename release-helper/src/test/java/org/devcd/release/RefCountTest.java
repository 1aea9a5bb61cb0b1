package org.devcd.release;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Field;

import org.junit.jupiter.api.Test;

class RefCountTest {
    private final Completion released = new Completion();
    private final RefCount ref = new RefCount(ReleaseAction.complete(released));

    /** A new count is 1, held by its creator, and not released. */
    @Test
    void startsAtOneHeldByTheCreator() {
        assertThat(ref.refCnt()).isEqualTo(1);
        assertThat(ref.isReleased()).isFalse();
        assertThat(released.isDone()).isFalse();
    }

    /** A release that is not the last returns false and runs nothing. */
    @Test
    void releaseOfANonLastReferenceReturnsFalse() {
        ref.retain();

        assertThat(ref.release()).isFalse();
        assertThat(ref.refCnt()).isEqualTo(1);
        assertThat(released.isDone()).isFalse();
    }

    /** The last release returns true and runs the release action exactly once. */
    @Test
    void lastReleaseRunsTheActionOnce() throws InterruptedException {
        ref.retain();
        ref.release();

        assertThat(ref.release()).isTrue();
        assertThat(ref.isReleased()).isTrue();
        assertThat(ref.refCnt()).isZero();
        assertThat(released.await(java.time.Duration.ZERO)).isTrue();
        assertThat(released.isDone()).as("one signal, consumed above").isFalse();
    }

    /** Retaining a released count throws Netty's message and does not resurrect it. */
    @Test
    void retainAfterZeroThrowsAndStaysDead() {
        ref.release();

        assertThatThrownBy(ref::retain)
                .isInstanceOf(IllegalReferenceCountException.class)
                .hasMessage("refCnt: 0, increment: 1");
        assertThat(ref.tryRetain()).isFalse();
        assertThat(ref.refCnt()).isZero();
    }

    /** Releasing past zero throws Netty's message and runs the action no second time. */
    @Test
    void releasePastZeroThrows() throws InterruptedException {
        ref.release();
        released.await();

        assertThatThrownBy(ref::release)
                .isInstanceOf(IllegalReferenceCountException.class)
                .hasMessage("refCnt: 0, decrement: 1")
                .satisfies(e -> assertThat(((IllegalReferenceCountException) e).delta()).isEqualTo(-1));
        assertThat(released.isDone()).isFalse();
    }

    /** tryRetain takes a reference from a live count. */
    @Test
    void tryRetainOfALiveCountSucceeds() {
        assertThat(ref.tryRetain()).isTrue();
        assertThat(ref.refCnt()).isEqualTo(2);
    }

    /** tryRetain of a released count returns false and leaves it released. */
    @Test
    void tryRetainOfAReleasedCountFails() {
        ref.release();

        assertThat(ref.tryRetain()).isFalse();
        assertThat(ref.isReleased()).isTrue();
    }

    /** A retain past the largest count throws and leaves the count as it was. */
    @Test
    void retainPastTheMaximumThrows() throws ReflectiveOperationException {
        setCount(RefCount.MAX_COUNT);

        assertThatThrownBy(ref::retain)
                .isInstanceOf(IllegalReferenceCountException.class)
                .hasMessage("refCnt: 1073741823, increment: 1");
        assertThatThrownBy(ref::tryRetain).hasMessage("refCnt: 1073741823, increment: 1");
        assertThat(ref.refCnt()).isEqualTo(RefCount.MAX_COUNT);
        assertThat(ref.release()).isFalse();
    }

    /** A count needs a release action. */
    @Test
    void nullActionIsRejected() {
        assertThatThrownBy(() -> new RefCount(null)).isInstanceOf(NullPointerException.class).hasMessage("action");
    }

    /** toString shows the count and the action. */
    @Test
    void toStringShowsCountAndAction() {
        ref.retain();

        assertThat(ref.toString()).matches("RefCount@\\p{XDigit}+\\[refCnt=2, complete\\(Completion@\\p{XDigit}+"
                + "\\[signals=0]\\)]");
    }

    /** The built-in actions are classes of this package: a driver cannot supply its own. */
    @Test
    void releaseActionsAreSealedToThisPackage() {
        assertThat(ReleaseAction.class.isSealed()).isTrue();
        assertThat(ReleaseAction.class.getPermittedSubclasses())
                .allSatisfy(c -> assertThat(c.getPackage()).isEqualTo(RefCount.class.getPackage()));
        assertThat(ReleaseAction.complete(released).getClass().getClassLoader())
                .isSameAs(RefCount.class.getClassLoader());
    }

    /** completeAll as the release action releases every waiter. */
    @Test
    void completeAllActionSignalsForGood() throws InterruptedException {
        Completion all = new Completion();
        RefCount shared = new RefCount(ReleaseAction.completeAll(all));

        assertThat(shared.release()).isTrue();
        assertThat(all.await(java.time.Duration.ZERO)).isTrue();
        assertThat(all.await(java.time.Duration.ZERO)).isTrue();
        assertThat(all.isDone()).isTrue();
    }

    private void setCount(int count) throws ReflectiveOperationException {
        Field raw = RefCount.class.getDeclaredField("raw");
        raw.setAccessible(true);
        raw.setInt(ref, 2 * count);
    }
}
