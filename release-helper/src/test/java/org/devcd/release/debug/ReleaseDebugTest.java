package org.devcd.release.debug;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

import org.devcd.release.Completion;
import org.devcd.release.KObject;
import org.devcd.release.RefCount;
import org.devcd.release.ReleaseAction;
import org.devcd.release.Threads;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Release debugging armed: this class runs in a JVM started with -Ddevcd.release.debug=true (see the pom). */
class ReleaseDebugTest {
    private final Completion released = new Completion();
    private final RefCount ref = new RefCount(ReleaseAction.complete(released));

    @AfterEach
    void disarm() {
        ReleaseDebug.off();
    }

    /** dm-builtin step 7: the releasing thread is held after complete() and before release() returns. */
    @Test
    void holdParksTheReleasingThreadRightAfterTheSignal() throws Exception {
        AtomicBoolean returned = new AtomicBoolean();
        try (ReleaseDebug.Preemption hold = ReleaseDebug.holdAfterComplete(released, Duration.ofSeconds(30))) {
            Thread releaser = Threads.start("foreign-releaser", () -> returned.set(ref.release()));

            assertThat(hold.awaitArrival(Duration.ofSeconds(10))).isSameAs(releaser);
            assertThat(released.isDone()).as("the signal happened before the hold").isTrue();
            assertThat(returned).as("release() has not returned").isFalse();
            assertThat(released.await(Duration.ZERO)).as("the owner's wait is over while the releaser is held")
                    .isTrue();

            hold.resume();
            Threads.join(releaser);
        }
        assertThat(returned).as("release() returned true after the resume").isTrue();
        assertThat(ReleaseDebug.isArmed()).isFalse();
    }

    /**
     * A hold by signalling thread catches that thread's first completion: here a KObject's last put, where only the core's
     * release code is on the stack between complete() and the foreign caller.
     */
    @Test
    void holdBySignallerStopsTheForeignThreadInsideTheCoresReleaseOnly() throws Exception {
        KObject shared = new KObject("sample0", Map.of());
        assertThat(shared.tryGet()).isTrue();
        CountDownLatch go = new CountDownLatch(1);
        Thread foreign = Threads.start("foreign", () -> {
            try {
                go.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            shared.put();
        });
        try (ReleaseDebug.Preemption hold = ReleaseDebug.holdAfterComplete(foreign, Duration.ofSeconds(30))) {
            Thread owner = Threads.start("owner", () -> {
                try {
                    shared.unregister(Duration.ofSeconds(30));
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            Threads.awaitBlocked(owner); // steps 3-4: the owner dropped its reference and waits
            go.countDown(); // step 5: the foreign thread drops the last one

            assertThat(hold.awaitArrival(Duration.ofSeconds(10))).isSameAs(foreign);
            Threads.join(owner); // step 8: the owner's wait is over while the foreign thread is still inside release
            List<String> between = new ArrayList<>();
            for (StackTraceElement frame : foreign.getStackTrace()) {
                if (frame.getClassName().startsWith(getClass().getName())) {
                    break; // the foreign caller's own frame
                }
                between.add(frame.getClassName());
            }
            assertThat(between).filteredOn(c -> !c.startsWith("java.") && !c.startsWith("jdk."))
                    .allMatch(c -> c.startsWith("org.devcd.release."))
                    .contains(KObject.class.getName(), RefCount.class.getName(), Completion.class.getName());
            hold.resume();
            Threads.join(foreign);
        }
        assertThat(shared.refCnt()).isZero();
    }

    /** Other completions pass the preemption point while a hold is armed. */
    @Test
    void otherCompletionsPassThrough() throws Exception {
        try (ReleaseDebug.Preemption hold = ReleaseDebug.holdAfterComplete(released, Duration.ofSeconds(30))) {
            Completion other = new Completion();
            other.complete();

            assertThat(other.isDone()).isTrue();
            assertThat(hold.heldThread()).isNull();
            assertThatThrownBy(() -> hold.awaitArrival(Duration.ofMillis(1))).isInstanceOf(TimeoutException.class)
                    .hasMessageStartingWith("no thread signalled Completion@");
        }
    }

    /** Only one mode is armed at a time; arming a second says which one is armed. */
    @Test
    void armingTwiceIsRefused() {
        try (ReleaseDebug.Preemption hold = ReleaseDebug.holdAfterComplete(released, Duration.ofSeconds(30))) {
            assertThatThrownBy(() -> ReleaseDebug.delayAfterComplete(Duration.ZERO, Duration.ZERO))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageStartingWith("release debugging is already armed: holdAfterComplete(");
        }
    }

    /** A hold nobody resumes lets its thread go after maxHold, so a broken test cannot hang a thread forever. */
    @Test
    void holdExpiresAfterMaxHold() throws Exception {
        try (ReleaseDebug.Preemption hold = ReleaseDebug.holdAfterComplete(released, Duration.ofMillis(20))) {
            Thread releaser = Threads.start("forgotten", ref::release);

            hold.awaitArrival(Duration.ofSeconds(10));
            Threads.join(releaser);
        }
        assertThat(ref.isReleased()).isTrue();
    }

    /** off() resumes a held thread and disarms. */
    @Test
    void offResumesTheHeldThread() throws Exception {
        ReleaseDebug.Preemption hold = ReleaseDebug.holdAfterComplete(released, Duration.ofSeconds(30));
        Thread releaser = Threads.start("releaser", ref::release);
        hold.awaitArrival(Duration.ofSeconds(10));

        ReleaseDebug.off();

        Threads.join(releaser);
        assertThat(ReleaseDebug.isArmed()).isFalse();
    }

    /** The random-delay mode (CONFIG_DEBUG_KOBJECT_RELEASE) keeps the signalling thread at least the minimum. */
    @Test
    void delayModeHoldsEverySignallerAtLeastTheMinimum() {
        ReleaseDebug.delayAfterComplete(Duration.ofMillis(30), Duration.ofMillis(40));

        long start = System.nanoTime();
        new Completion().complete();
        long took = System.nanoTime() - start;

        assertThat(Duration.ofNanos(took)).isGreaterThanOrEqualTo(Duration.ofMillis(30));
    }

    /** Bad arguments get exact messages and arm nothing. */
    @Test
    void badArgumentsAreRejected() {
        assertThatThrownBy(() -> ReleaseDebug.holdAfterComplete(released, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("maxHold: PT0S (expected: > 0)");
        assertThatThrownBy(() -> ReleaseDebug.delayAfterComplete(Duration.ofSeconds(2), Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("delay: PT2S..PT1S (expected: 0 <= min <= max)");
        assertThat(ReleaseDebug.isArmed()).isFalse();
    }
}
