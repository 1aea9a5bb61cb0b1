package org.devcd.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class MainTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    /** --help prints the usage and exits 0. */
    @Test
    void helpPrintsTheUsage() {
        assertThat(run("--help")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("usage: java -jar devcd-launcher.jar [demo | shell"
                + " | --help]");
    }

    /** An unknown argument gets one clear line and exit status 2; nothing starts. */
    @Test
    void unknownArgumentsGetOneLine() {
        assertThat(run("dmeo")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8).strip())
                .isEqualTo("devcd: unknown argument 'dmeo' (expected: demo, shell or --help)");
        err.reset();
        assertThat(run("demo", "now")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8).strip())
                .isEqualTo("devcd: unknown arguments [demo, now] (expected: demo, shell or --help)");
    }

    /** The packed bundle list installs the Gogo shell only for the shell, and the demo bundle last. */
    @Test
    void bundleOrderDependsOnTheMode() {
        assertThat(Main.bundles(false)).doesNotContain("org.apache.felix.gogo.shell.jar")
                .startsWith("org.osgi.util.function.jar").endsWith("demo-bundle.jar");
        assertThat(Main.bundles(true)).contains("org.apache.felix.gogo.shell.jar");
    }

    private int run(String... args) {
        return Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }
}
