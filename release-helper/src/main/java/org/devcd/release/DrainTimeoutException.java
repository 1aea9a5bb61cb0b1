package org.devcd.release;

import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Thrown by {@link Gate#closeAndDrain(Duration)} when calls were still in flight after the bound. The gate stays closed;
 * the calls still inside finish when they finish.
 *
 * <p>The message names the gate, the bound, the count and each thread still inside with the frame it was at, for
 * example {@code gate 'driver org.example.disk' still has 1 call in flight after PT5S: 'reader-1' (WAITING) at
 * org.example.disk.Source.read(Source.java:42)}.
 */
@ProviderType
public final class DrainTimeoutException extends java.util.concurrent.TimeoutException {
    private static final long serialVersionUID = 1L;

    private final transient List<Thread> threads;
    private final int inFlight;

    DrainTimeoutException(String gate, Duration bound, int inFlight, List<Thread> threads) {
        super("gate '" + gate + "' still has " + inFlight + (inFlight == 1 ? " call" : " calls") + " in flight after "
                + bound + ": " + describe(threads));
        this.threads = List.copyOf(threads);
        this.inFlight = inFlight;
    }

    /** @return the threads that were inside the gate when the bound expired */
    public List<Thread> threads() {
        return threads;
    }

    /** @return how many calls were in flight when the bound expired */
    public int inFlight() {
        return inFlight;
    }

    private static String describe(List<Thread> threads) {
        if (threads.isEmpty()) {
            return "(threads already leaving)";
        }
        return threads.stream().map(DrainTimeoutException::describe).collect(Collectors.joining(", "));
    }

    private static String frame(StackTraceElement at) {
        String where = at.getFileName() == null ? "Unknown Source" : at.getFileName() + ":" + at.getLineNumber();
        return at.getClassName() + "." + at.getMethodName() + "(" + where + ")";
    }

    private static String describe(Thread thread) {
        // The first frame outside the JDK: where the thread is stuck, rather than the park it is stuck in.
        StackTraceElement[] stack = thread.getStackTrace();
        StackTraceElement at = null;
        for (StackTraceElement frame : stack) {
            String module = frame.getModuleName();
            if (module == null || !(module.startsWith("java.") || module.startsWith("jdk."))) {
                at = frame;
                break;
            }
        }
        if (at == null && stack.length > 0) {
            at = stack[0];
        }
        return "'" + thread.getName() + "' (" + thread.getState() + ")" + (at == null ? "" : " at " + frame(at));
    }
}
