package org.devcd.core.internal.coredump;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/** Records what the registry logs at a level or worse (System.Logger goes to java.util.logging in tests). */
final class LogCapture extends Handler implements AutoCloseable {
    final List<LogRecord> records = new CopyOnWriteArrayList<>();
    private final Logger logger = Logger.getLogger(DumpRegistry.class.getPackageName());
    private final Level least;
    private final Level before;

    /** Records WARNING and worse. */
    LogCapture() {
        this(Level.WARNING);
    }

    /** Records {@code least} and worse, lowering the logger's level for as long as this is open. */
    LogCapture(Level least) {
        this.least = least;
        this.before = logger.getLevel();
        if (least.intValue() < Level.INFO.intValue()) {
            logger.setLevel(least);
        }
        logger.addHandler(this);
    }

    /** @return the formatted messages logged at {@code level} */
    List<String> at(Level level) {
        SimpleFormatter formatter = new SimpleFormatter();
        return records.stream().filter(r -> r.getLevel() == level).map(formatter::formatMessage).toList();
    }

    @Override
    public void publish(LogRecord record) {
        if (record.getLevel().intValue() >= least.intValue()) {
            records.add(record);
        }
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
        logger.removeHandler(this);
        logger.setLevel(before);
    }
}
