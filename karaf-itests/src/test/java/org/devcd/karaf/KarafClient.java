package org.devcd.karaf;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Karaf's own {@code bin/client}, run as a script would run it, against the ssh server of the Karaf this test runs in.
 * Every run is appended to a transcript file, which the build keeps under {@code target/}.
 */
final class KarafClient {
    /** The password the README gives its users. */
    private static final String PASSWORD = "secret";
    private static final Duration BOUND = Duration.ofSeconds(60);

    private final String user;
    private final Path transcript;

    KarafClient(String user) {
        this.user = user;
        this.transcript = Path.of(System.getProperty("devcd.transcript"));
    }

    /** What one client run printed (standard output and error, without colours) and its exit status. */
    record Run(String output, int exitStatus) {
        @Override
        public String toString() {
            return "exit " + exitStatus + ": " + output;
        }
    }

    /**
     * {@code bin/client ... "COMMAND"}, with an open, empty standard input as a terminal would give it (at end of file,
     * the client fails with "Closed": the README says so).
     */
    Run command(String command) throws IOException, InterruptedException {
        List<String> arguments = arguments();
        arguments.add(command);
        return run(arguments, null, "$ bin/client -u " + user + " \"" + command + "\"");
    }

    /** {@code printf 'LINE\n...' | bin/client ... -b}: batch mode, the README's form for cron and CI. */
    Run batch(List<String> lines) throws IOException, InterruptedException {
        List<String> arguments = arguments();
        arguments.add("-b");
        String input = String.join("\n", lines) + "\n";
        return run(arguments, input, "$ printf '" + String.join("\\n", lines) + "\\n' | bin/client -u " + user + " -b");
    }

    private List<String> arguments() {
        Path home = Path.of(System.getProperty("karaf.home"));
        return new ArrayList<>(List.of(home.resolve("bin/client").toString(), "-h", "127.0.0.1",
                "-a", System.getProperty("devcd.ssh.port"), "-u", user, "-p", PASSWORD,
                // The ssh server starts with Karaf's boot features; the client waits for it, at most 30 s.
                "-r", "30", "-d", "1"));
    }

    /** @param input written to the client's standard input and then closed, or null to keep it open and empty */
    private Run run(List<String> arguments, String input, String shown) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(arguments).redirectErrorStream(true);
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        Process client = builder.start();
        OutputStream stdin = client.getOutputStream();
        if (input != null) {
            stdin.write(input.getBytes(StandardCharsets.UTF_8));
            stdin.close();
        }
        try {
            if (!client.waitFor(BOUND.toMillis(), TimeUnit.MILLISECONDS)) {
                client.destroyForcibly();
                throw new AssertionError("bin/client did not exit within " + BOUND + ": " + shown);
            }
            String output = new String(client.getInputStream().readAllBytes(), StandardCharsets.UTF_8)
                    // ANSI colours of Karaf's error lines, and the script's warning about JAVA_HOME, are not output.
                    .replaceAll("\u001B\\[[0-9;]*m", "")
                    .replaceAll("(?m)^client: JAVA_HOME not set.*\\R", "");
            Run run = new Run(output, client.exitValue());
            Files.writeString(transcript, shown + "\n" + output + "(exit " + run.exitStatus() + ")\n\n",
                    StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            return run;
        } finally {
            stdin.close();
        }
    }
}
