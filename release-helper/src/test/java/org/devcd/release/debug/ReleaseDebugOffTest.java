package org.devcd.release.debug;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.devcd.release.Completion;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Release debugging without the opt-in, as in production. This class runs in a JVM of its own, started without
 * {@code -Ddevcd.release.debug} (the {@code release-debug-off} execution in release-helper/pom.xml), so what
 * {@link ReleaseDebug} read when it was initialized does not depend on which test ran first.
 */
class ReleaseDebugOffTest {
    private static final String OFF = "ReleaseDebug is off: start the JVM with -Ddevcd.release.debug=true to arm "
            + "preemption points (tests and the demonstration only)";

    @BeforeAll
    static void startedWithoutTheOptIn() {
        assertThat(System.getProperty(ReleaseDebug.PROPERTY))
                .as("run this class in a JVM without -D" + ReleaseDebug.PROPERTY + " (see release-helper/pom.xml)")
                .isNull();
    }

    /** Every arming method refuses with one exact message naming the property; nothing is armed, signals pass. */
    @Test
    void armingWithoutTheOptInIsRefused() {
        Completion completion = new Completion();

        assertThatThrownBy(() -> ReleaseDebug.holdAfterComplete(completion, Duration.ofSeconds(30)))
                .isInstanceOf(IllegalStateException.class).hasMessage(OFF);
        assertThatThrownBy(() -> ReleaseDebug.holdAfterComplete(Thread.currentThread(), Duration.ofSeconds(30)))
                .isInstanceOf(IllegalStateException.class).hasMessage(OFF);
        assertThatThrownBy(() -> ReleaseDebug.delayAfterComplete(Duration.ofSeconds(1), Duration.ofSeconds(4)))
                .isInstanceOf(IllegalStateException.class).hasMessage(OFF);

        assertThat(ReleaseDebug.isArmed()).isFalse();
        completion.complete(); // would park this thread for 30 s had the first hold been armed
        assertThat(completion.isDone()).isTrue();
        ReleaseDebug.off(); // disarming needs no opt-in: a test's cleanup runs either way
        assertThat(ReleaseDebug.isArmed()).isFalse();
    }
}
