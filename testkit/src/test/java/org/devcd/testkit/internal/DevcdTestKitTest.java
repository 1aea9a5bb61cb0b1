package org.devcd.testkit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.devcd.testkit.exam.DevcdTestKit;
import org.junit.jupiter.api.Test;

/** The provisioning Option's Maven coordinates come from the build, for every bundle it installs. */
class DevcdTestKitTest {

    /** Every bundle has a version filled in by the build, so its mvn: URL is complete. */
    @Test
    void everyBundleHasABuiltVersion() {
        for (String coordinates : DevcdTestKit.BUNDLES) {
            assertThat(DevcdTestKit.mavenUrl(coordinates)).matches("mvn:[\\w.]+/[\\w.-]+/\\d[\\w.-]*")
                    .doesNotContain("${");
        }
        assertThat(DevcdTestKit.mavenUrl("org.apache.felix:org.apache.felix.scr"))
                .isEqualTo("mvn:org.apache.felix/org.apache.felix.scr/2.2.18");
    }

    /** Unknown coordinates get a clear error listing the known ones. */
    @Test
    void unknownCoordinatesAreRefused() {
        assertThatThrownBy(() -> DevcdTestKit.mavenUrl("org.example:nothing"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("coordinates: 'org.example:nothing' (expected: one of [org.osgi:");
    }
}
