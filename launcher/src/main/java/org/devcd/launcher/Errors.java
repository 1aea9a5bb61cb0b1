package org.devcd.launcher;

import java.io.PrintStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/** Turns a failure into the one sentence the launcher prints: what failed, why (the cause chain), what to try. */
final class Errors {
    static final String DEFAULT_HINT = "Run it again with --debug to see the stack trace.";

    private Errors() {
    }

    /**
     * Prints {@code devcd: <what>: <why>. <hint>} on one line, and the stack trace only when {@code debug}.
     */
    static void report(Throwable failure, boolean debug, PrintStream err) {
        err.println("devcd: " + sentence(failure));
        if (debug) {
            failure.printStackTrace(err);
        }
    }

    /**
     * @return what failed and why, each message of the cause chain once, joined by {@code ": "}, then what to try;
     *         a class name only for an exception without a message
     */
    static String sentence(Throwable failure) {
        List<String> parts = new ArrayList<>();
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Throwable t = failure; t != null && seen.add(t); t = t.getCause()) {
            if (t.getCause() != null && String.valueOf(t.getMessage()).equals(t.getCause().toString())) {
                continue; // a wrapper's default message, the cause's class name and message: the cause says it
            }
            String part = describe(t);
            // A wrapper often repeats its cause's text ("java.io.IOException: x" around "x"): say each thing once.
            if (parts.stream().noneMatch(p -> p.contains(part))) {
                parts.removeIf(part::contains);
                parts.add(part);
            }
        }
        String hint = failure instanceof LaunchFailure launch ? launch.hint() : DEFAULT_HINT;
        return String.join(": ", parts) + ". " + hint;
    }

    private static String describe(Throwable t) {
        if (t instanceof FileSystemException fs && fs.getFile() != null) {
            String reason = fs.getReason() != null ? fs.getReason()
                    : fs instanceof FileAlreadyExistsException ? "exists and is not a folder"
                    : fs instanceof NoSuchFileException ? "does not exist"
                    : fs instanceof NotDirectoryException ? "is not a folder"
                    : fs instanceof AccessDeniedException ? "permission denied"
                    : fs instanceof DirectoryNotEmptyException ? "is not empty"
                    : t.getClass().getSimpleName();
            return fs.getFile() + (fs.getOtherFile() != null ? " -> " + fs.getOtherFile() : "") + ": " + reason;
        }
        String message = t.getMessage();
        if (message == null || message.isBlank()) {
            return t.getClass().getSimpleName();
        }
        return t instanceof LaunchFailure ? message : message.strip();
    }
}
