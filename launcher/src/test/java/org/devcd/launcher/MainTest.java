package org.devcd.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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

    /** The packed bundle list installs the Gogo shell only for the shell, last, and the demo bundle last otherwise. */
    @Test
    void bundleOrderDependsOnTheMode() {
        assertThat(Main.bundles(false)).doesNotContain("org.apache.felix.gogo.shell.jar")
                .startsWith("org.osgi.util.function.jar").endsWith("demo-bundle.jar");
        assertThat(Main.bundles(true)).endsWith("org.apache.felix.gogo.shell.jar");
        assertThat(Main.shellOnlyBundles()).containsExactly("org.apache.felix.gogo.shell.jar");
    }

    /** A storage folder that cannot be made: one sentence (what, why, what to try), exit 1, no stack trace. */
    @Test
    void impossibleStorageIsOneSentence(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("a-file"), "not a folder");
        System.setProperty(Storage.PROPERTY, file.resolve("storage").toString());

        assertThat(run("shell")).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8).strip()).isEqualTo("devcd: could not create the storage folder "
                + file.resolve("storage") + " (-Ddevcd.launcher.storage): " + file.resolve("storage") + ": Not a directory."
                + " Name a new folder in a writable place, or leave devcd.launcher.storage unset for a temporary"
                + " folder.");
        assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    /** The same failure with --debug: the sentence, then the stack trace. */
    @Test
    void debugAddsTheStackTrace(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("a-file"), "not a folder");
        System.setProperty(Storage.PROPERTY, file.resolve("storage").toString());

        assertThat(run("shell", "--debug")).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("devcd: could not create the storage folder ")
                .contains("org.devcd.launcher.LaunchFailure: could not create the storage folder",
                        "Caused by: java.nio.file.FileSystemException: " + file.resolve("storage"), "\tat org.devcd.launcher.");
    }

    /** A storage folder that exists already is refused (the launcher removes its storage at exit). */
    @Test
    void existingStorageIsRefused(@TempDir Path dir) {
        System.setProperty(Storage.PROPERTY, dir.toString());

        assertThat(run("demo")).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8).strip()).isEqualTo("devcd: the storage folder " + dir
                + " (-Ddevcd.launcher.storage) already exists. Name a folder that does not exist yet: the launcher"
                + " creates it and removes it at exit.");
        assertThat(dir).isDirectory();
    }

    /** A cause chain is said once per message, with a class name only where there is no message. */
    @Test
    void sentenceJoinsTheCauseChain() {
        Exception failure = new LaunchFailure("could not start the bundle x 1.0.0", "Try y.",
                new RuntimeException(new IllegalStateException("the wiring is gone")));
        assertThat(Errors.sentence(failure))
                .isEqualTo("could not start the bundle x 1.0.0: the wiring is gone. Try y.");
        assertThat(Errors.sentence(new IllegalStateException())).isEqualTo("IllegalStateException. "
                + Errors.DEFAULT_HINT);
    }

    @AfterEach
    void clearStorageProperty() {
        System.clearProperty(Storage.PROPERTY);
    }

    private int run(String... args) {
        return Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }
}
