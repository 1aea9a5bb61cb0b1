package org.devcd.itests.leaks.host;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The host's logging configuration, as a log admin applies it: it sets the levels of the loggers its configuration
 * names, and keeps those loggers strongly, because {@code java.util.logging} holds loggers weakly and a collected
 * logger loses its level (the pitfall {@link Logger#getLogger(String)} warns about). A handler a bundle adds to one of
 * these loggers therefore lives as long as the host, not as long as the bundle.
 *
 * <p>Thread-safe.
 */
public final class LogLevels {
    /** The bundle header the host reads its configuration from: {@code logger=LEVEL,logger=LEVEL}. */
    public static final String HEADER = "Host-Log-Levels";

    /** The configured loggers, by name: what keeps them, and their handlers, alive. */
    private static final Map<String, Logger> CONFIGURED = new ConcurrentHashMap<>();

    private LogLevels() {
    }

    /** Applies a configuration of the form {@code logger=LEVEL,logger=LEVEL}; null or blank configures nothing. */
    static void configure(String configuration) {
        if (configuration == null || configuration.isBlank()) {
            return;
        }
        for (String entry : configuration.split(",")) {
            int equals = entry.indexOf('=');
            if (equals < 0) {
                throw new IllegalArgumentException(HEADER + ": '" + entry + "' (expected: logger=LEVEL)");
            }
            String name = entry.substring(0, equals).trim();
            Logger logger = Logger.getLogger(name);
            logger.setLevel(Level.parse(entry.substring(equals + 1).trim()));
            CONFIGURED.put(name, logger);
        }
    }

    /** Lets go of every configured logger. */
    static void clear() {
        CONFIGURED.clear();
    }
}
