package org.devcd.leakdoctor.internal;

import java.util.Collections;
import java.util.TreeSet;
import java.util.logging.Handler;
import java.util.logging.LogManager;
import java.util.logging.Logger;

import org.devcd.leakdoctor.Culprit.Kind;

/**
 * {@link Kind#LOG_HANDLER}: {@code java.util.logging} loggers (every named one, and the root) that hold the loader: a
 * logger of the bundle's class, a filter of it on the logger, or a handler of it, or a handler whose filter or
 * formatter is of it. Public API: needs no opening.
 */
public final class LogHandlerCheck implements Check {

    @Override
    public String subject() {
        return "log handlers";
    }

    @Override
    public void inspect(Ownership ownership, Findings findings) {
        LogManager manager = LogManager.getLogManager();
        TreeSet<String> names = new TreeSet<>(Collections.list(manager.getLoggerNames()));
        names.add("");
        for (String name : names) {
            Logger logger = manager.getLogger(name);
            if (logger == null) {
                continue; // collected since it was listed
            }
            String where = name.isEmpty() ? "the root logger" : "logger \"" + name + "\"";
            if (ownership.owns(logger)) {
                findings.add(Kind.LOG_HANDLER, where + " is " + ownership.name(logger));
            }
            if (ownership.owns(logger.getFilter())) {
                findings.add(Kind.LOG_HANDLER, where + " has filter " + ownership.name(logger.getFilter()));
            }
            for (Handler handler : logger.getHandlers()) {
                inspect(handler, where, ownership, findings);
            }
        }
    }

    private static void inspect(Handler handler, String where, Ownership ownership, Findings findings) {
        if (ownership.owns(handler)) {
            findings.add(Kind.LOG_HANDLER, "log handler " + ownership.name(handler) + " is attached to " + where);
        } else if (ownership.owns(handler.getFilter())) {
            findings.add(Kind.LOG_HANDLER, "log handler " + handler.getClass().getName() + " on " + where
                    + " has filter " + ownership.name(handler.getFilter()));
        } else if (ownership.owns(handler.getFormatter())) {
            findings.add(Kind.LOG_HANDLER, "log handler " + handler.getClass().getName() + " on " + where
                    + " has formatter " + ownership.name(handler.getFormatter()));
        }
    }
}
