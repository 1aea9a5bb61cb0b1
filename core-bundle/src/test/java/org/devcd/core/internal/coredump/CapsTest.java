package org.devcd.core.internal.coredump;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.devcd.coredump.DiscardReason;
import org.junit.jupiter.api.Test;

/** The budget in one word: both caps checked by one reservation, given back whole, and limits it can hold. */
class CapsTest {
    private static final RegistryConfig TWO_DUMPS_100_BYTES = new RegistryConfig(Duration.ofMinutes(5), 100, 2, 100,
            Duration.ofSeconds(5));

    /** The count cap and the byte cap each refuse, and a release makes room for both again. */
    @Test
    void bothCapsHoldAndReleaseGivesBack() {
        Caps caps = new Caps();

        assertThat(caps.reserve(60, TWO_DUMPS_100_BYTES)).isNull();
        assertThat(caps.reserve(41, TWO_DUMPS_100_BYTES)).isEqualTo(DiscardReason.BYTES_CAP);
        assertThat(caps.reserve(40, TWO_DUMPS_100_BYTES)).isNull();
        assertThat(caps.reserve(0, TWO_DUMPS_100_BYTES)).isEqualTo(DiscardReason.COUNT_CAP);
        assertThat(caps.dumps()).isEqualTo(2);
        assertThat(caps.bytes()).isEqualTo(100);

        caps.release(60);
        assertThat(caps.dumps()).isEqualTo(1);
        assertThat(caps.bytes()).isEqualTo(40);
        assertThat(caps.reserve(60, TWO_DUMPS_100_BYTES)).isNull();
    }

    /** A configuration the word cannot hold is refused with the range it can. */
    @Test
    void limitsBeyondTheWordAreRefused() {
        assertThatThrownBy(() -> RegistryConfig.requireValid(new RegistryConfig(Duration.ofMinutes(5), 100,
                Caps.MAX_COUNT + 1, Caps.MAX_BYTES + 1, Duration.ofSeconds(5))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("max.dumps: " + (Caps.MAX_COUNT + 1) + " (expected: 0 to " + Caps.MAX_COUNT + "); "
                        + "max.total.bytes: " + (Caps.MAX_BYTES + 1) + " (expected: 0 to " + Caps.MAX_BYTES + ")");
    }
}
