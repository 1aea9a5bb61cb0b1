package org.devcd.core.internal.osgi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;

import org.devcd.core.internal.coredump.RegistryConfig;
import org.junit.jupiter.api.Test;

/** The configuration as an admin typed it: numbers as text or numbers, errors named by key and value. */
class ConfigValuesTest {

    /** Text and numbers are both read; what is missing keeps its default. */
    @Test
    void readsTextAndNumbers() {
        RegistryConfig config = ConfigValues.read(Map.of("timeout.seconds", " 60 ", "max.dumps", 5));

        assertThat(config.defaultTimeout()).isEqualTo(Duration.ofSeconds(60));
        assertThat(config.maxDumps()).isEqualTo(5);
        assertThat(config.maxDumpBytes()).isEqualTo(RegistryConfig.DEFAULTS.maxDumpBytes());
    }

    /** Every unreadable and out-of-range value is named by the key the admin typed, never a Java exception's name. */
    @Test
    void namesEachBadKeyAndValue() {
        assertThatThrownBy(() -> ConfigValues.read(Map.of("max.dump.bytes", "ten", "drain.timeout.millis", "-1")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("max.dump.bytes: 'ten' (expected: a whole number)");
        assertThatThrownBy(() -> ConfigValues.read(Map.of("drain.timeout.millis", "-1")))
                .hasMessage("drain.timeout.millis: -1 (expected: >= 0)");
    }

    /** disabled is true only when it says so, as a Boolean or as text. */
    @Test
    void disabledOnlyWhenTrue() {
        assertThat(ConfigValues.disabled(Map.of("disabled", "TRUE"))).isTrue();
        assertThat(ConfigValues.disabled(Map.of("disabled", Boolean.TRUE))).isTrue();
        assertThat(ConfigValues.disabled(Map.of("disabled", "no"))).isFalse();
        assertThat(ConfigValues.disabled(Map.of())).isFalse();
    }
}
