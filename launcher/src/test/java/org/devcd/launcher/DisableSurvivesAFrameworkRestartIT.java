package org.devcd.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.devcd.launcher.PackedFramework.Remote;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Disable is for good: a framework started again on the same storage finds coredumps disabled and discards. */
class DisableSurvivesAFrameworkRestartIT {
    private static final String ADMIN = "org.devcd.coredump.CoredumpAdmin";
    private static final String SAMPLE = "org.devcd.driver.sample.SampleDriver";

    /** Disabled before a stop of the whole framework: after its restart, status says disabled and a crash is discarded. */
    @Test
    void disableSurvivesAFrameworkRestart(@TempDir Path storage) throws Exception {
        PackedFramework first = PackedFramework.install(storage);
        try {
            assertThat(first.service(SAMPLE).call("fail", "overheated")).asString()
                    .matches("sample0 crashed: coredump devcd\\d+");
            assertThat(first.service(ADMIN).call("disable")).isEqualTo(true);
        } finally {
            first.stop();
        }

        PackedFramework second = PackedFramework.restart(storage);
        try {
            Remote admin = second.service(ADMIN);
            assertThat(Remote.get(admin.call("status"), "disabled")).isEqualTo(true);
            assertThat(second.service(SAMPLE).call("fail", "again"))
                    .isEqualTo("sample0 crashed: coredump discarded (DISABLED: coredumps are disabled)");
            assertThat(admin.call("disable")).as("disable is write-once").isEqualTo(false);
        } finally {
            second.stop();
        }
    }
}
