package org.devcd.consoles.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The process's standard error while an embedded framework runs, passed through and kept: its bundles log there
 * (slf4j-simple, so Jetty, the HTTP service and the Web Console), and an exception the HTTP service caught while it
 * served the page is logged at ERROR although the client may never see it. A test fails on any such line.
 *
 * <p>Not thread-safe to start or stop; the capture itself takes writes from any thread.
 */
final class ErrorCapture {
    private final ByteArrayOutputStream kept = new ByteArrayOutputStream();
    private PrintStream original;

    /** From now on standard error also goes into this capture. */
    void start() {
        original = System.err;
        System.setErr(new PrintStream(new Tee(original, kept), true, StandardCharsets.UTF_8));
    }

    /** Gives standard error back. */
    void stop() {
        System.setErr(original);
    }

    /** @throws AssertionError listing every line logged at ERROR while the capture ran */
    void assertNoErrorLogged() {
        List<String> errors;
        synchronized (kept) {
            errors = kept.toString(StandardCharsets.UTF_8).lines().filter(line -> line.contains(" ERROR ")).toList();
        }
        if (!errors.isEmpty()) {
            throw new AssertionError("the framework logged errors while the test ran:\n" + String.join("\n", errors));
        }
    }

    /** Writes every byte to the original stream and to the kept copy. */
    private static final class Tee extends OutputStream {
        private final OutputStream original;
        private final ByteArrayOutputStream kept;

        Tee(OutputStream original, ByteArrayOutputStream kept) {
            this.original = original;
            this.kept = kept;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            original.write(bytes, offset, length);
            synchronized (kept) {
                kept.write(bytes, offset, length);
            }
        }

        @Override
        public void flush() throws IOException {
            original.flush();
        }
    }
}
