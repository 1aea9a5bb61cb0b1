package org.devcd.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

/** The main job, end to end: the demo on an embedded Felix exits 0 with a PASS verdict per scenario. */
class DemoIT {

    /**
     * demo: devcd behaves, the naive driver fails as predicted, and the timelines are printed; the release-debugging
     * opt-in it sets for its framework is undone after the run.
     */
    @Test
    void demoPassesEveryScenario() {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        PrintStream original = System.out;
        String releaseDebugBefore = System.getProperty(Main.RELEASE_DEBUG);
        int status;
        try (PrintStream capture = new PrintStream(printed, true, StandardCharsets.UTF_8)) {
            System.setOut(capture);
            status = Main.run(new String[] {"demo"}, capture, capture);
        } finally {
            System.setOut(original);
        }
        String out = printed.toString(StandardCharsets.UTF_8);
        original.print(out);

        assertThat(status).as(out).isZero();
        assertThat(out).contains("driver's thread (stops org.devcd.driver.naive)",
                "10. resumes inside the driver's release method:", "java.lang.NoClassDefFoundError:",
                "PASS  coredump life:",
                "PASS  naive driver: crashed, as expected (dm-builtin.c predicts it)",
                "PASS  devcd driver: nothing of it ran after its stop");
        assertThat(System.getProperty(Main.RELEASE_DEBUG)).isEqualTo(releaseDebugBefore);
    }
}
