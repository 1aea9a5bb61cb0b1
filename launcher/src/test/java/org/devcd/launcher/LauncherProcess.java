package org.devcd.launcher;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * {@code java -jar target/devcd-launcher.jar ARGS} in a child JVM, with temporary files under {@code target/}, its
 * standard output and error merged and collected line by line, and stdin a pipe the test writes to (and may never
 * close).
 */
final class LauncherProcess {
    static final Path JAR = Path.of("target", "devcd-launcher.jar").toAbsolutePath();

    private final Process process;
    private final List<String> lines = new ArrayList<>();
    private final CountDownLatch ready = new CountDownLatch(1);
    private final Thread reader;

    private LauncherProcess(Process process) {
        this.process = process;
        this.reader = new Thread(this::collect, "launcher-output");
        reader.start();
    }

    /** Starts the launcher jar with {@code -Ddevcd.launcher.storage=storage} (a folder that does not exist yet). */
    static LauncherProcess start(Path storage, String... args) throws IOException {
        if (!Files.isRegularFile(JAR)) {
            throw new IllegalStateException(JAR + " is missing: the launcher IT runs after package");
        }
        Path tmp = Files.createDirectories(Path.of("target", "it-tmp").toAbsolutePath());
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Djava.io.tmpdir=" + tmp, "-D" + Storage.PROPERTY + "=" + storage, "-jar",
                JAR.toString()));
        command.addAll(List.of(args));
        return new LauncherProcess(new ProcessBuilder(command).redirectErrorStream(true).start());
    }

    private void collect() {
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                synchronized (lines) {
                    lines.add(line);
                }
                if (line.contains("is ready: try devcd:list")) {
                    ready.countDown();
                }
            }
        } catch (IOException e) {
            synchronized (lines) {
                lines.add("(reading the launcher's output failed: " + e + ")");
            }
        }
    }

    /** Writes {@code text} to the launcher's stdin, without closing it. */
    void type(String text) throws IOException {
        process.getOutputStream().write(text.getBytes(StandardCharsets.UTF_8));
        process.getOutputStream().flush();
    }

    /** @return true if the shell printed its ready line within {@code seconds} */
    boolean awaitReady(long seconds) throws InterruptedException {
        return ready.await(seconds, TimeUnit.SECONDS);
    }

    /** @return the exit status, or null if the process did not end within {@code seconds} (it is then killed) */
    Integer awaitExit(long seconds) throws InterruptedException {
        if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            return null;
        }
        reader.join(TimeUnit.SECONDS.toMillis(10));
        return process.exitValue();
    }

    /** Sends SIGTERM (on Linux), keeping the pipes open so that what it prints while it stops is read. */
    void terminate() {
        process.toHandle().destroy(); // Process.destroy() would also close our end of its output
    }

    /** @return all it printed so far, one line each */
    String output() {
        synchronized (lines) {
            return String.join(System.lineSeparator(), lines);
        }
    }
}
