package org.devcd.leakdoctor;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.ref.WeakReference;
import java.util.List;

import org.devcd.leakdoctor.Culprit.Kind;
import org.junit.jupiter.api.Test;

/**
 * Attribution in a JVM started without any {@code --add-opens}, as most production JVMs are (surefire execution
 * {@code closed-internals}): each check that needs a closed JDK package says so in exactly one line naming the option
 * that opens it, nothing is thrown or printed, and what public API shows is still found.
 */
class ClosedInternalsTest {
    private static final String HEAP = " (a heap dump still finds them)";

    /** One not-inspected line per closed check, each with its exact option; the context loader tie is still seen. */
    @Test
    void closedChecksNameTheOptionThatOpensThem() throws Exception {
        assertThat(Thread.class.getDeclaredField("threadLocals").trySetAccessible())
                .as("this test needs a JVM without --add-opens java.base/java.lang").isFalse();
        Leaks.assertCollected(inspectWithClosedInternals());
    }

    private static WeakReference<ClassLoader> inspectWithClosedInternals() throws Exception {
        ClassLoader loader = ThrowawayBundle.newLoader("closed");
        try (Leaks.AutoCloseableThread thread = Leaks.threadWithContext("leaky-context", loader)) {
            List<Culprit> culprits = inspectQuietly(loader);
            assertThat(culprits).filteredOn(culprit -> culprit.kind() == Kind.NOT_INSPECTED)
                    .extracting(Culprit::description).containsExactly(
                            "threads' Runnable targets not inspected: java.lang is closed to devcd; start the JVM with "
                                    + "--add-opens java.base/java.lang=ALL-UNNAMED" + HEAP,
                            "thread-local values not inspected: java.lang is closed to devcd; start the JVM with "
                                    + "--add-opens java.base/java.lang=ALL-UNNAMED" + HEAP,
                            "JDBC drivers not inspected: java.sql is closed to devcd; start the JVM with "
                                    + "--add-opens java.sql/java.sql=ALL-UNNAMED" + HEAP,
                            "shutdown hooks not inspected: java.lang is closed to devcd; start the JVM with "
                                    + "--add-opens java.base/java.lang=ALL-UNNAMED" + HEAP,
                            "timer tasks not inspected: java.util is closed to devcd; start the JVM with "
                                    + "--add-opens java.base/java.util=ALL-UNNAMED" + HEAP);
            assertThat(culprits).filteredOn(culprit -> culprit.kind() != Kind.NOT_INSPECTED).singleElement()
                    .satisfies(culprit -> assertThat(culprit.description()).startsWith("thread \"leaky-context\" (")
                            .endsWith(" has the bundle's class loader as its context class loader"));
        }
        return new WeakReference<>(loader);
    }

    /** Attribution.of, failing if it writes anything to System.err (a stack trace, say). */
    private static List<Culprit> inspectQuietly(ClassLoader loader) {
        PrintStream err = System.err;
        ByteArrayOutputStream written = new ByteArrayOutputStream();
        System.setErr(new PrintStream(written, true));
        try {
            return Attribution.of(loader);
        } finally {
            System.setErr(err);
            assertThat(written.toString()).as("written to System.err").isEmpty();
        }
    }
}
