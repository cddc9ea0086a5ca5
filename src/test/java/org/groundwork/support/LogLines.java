package org.groundwork.support;

import org.jboss.logmanager.ExtLogRecord;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * The app's log records from {@link #listen} until {@link #close}, at a level and above, each with the MDC of where
 * it was written (copied then: read later on the test's thread, it would be the test's).
 */
public final class LogLines extends Handler {

    private final Level least;
    private final List<ExtLogRecord> records = new CopyOnWriteArrayList<>();

    private LogLines(Level least) {
        this.least = least;
    }

    public static LogLines listen(Level least) {
        LogLines lines = new LogLines(least);
        Logger.getLogger("").addHandler(lines);
        return lines;
    }

    public List<ExtLogRecord> records() {
        return records;
    }

    /** Each record as its logger, level and message, with the chain of what was thrown. */
    public List<String> texts() {
        return records.stream().map(r -> {
            StringBuilder line = new StringBuilder(r.getLoggerName() + " " + r.getLevel() + " " + r.getFormattedMessage());
            for (Throwable t = r.getThrown(); t != null; t = t.getCause()) {
                line.append(" | ").append(t);
            }
            return line.toString();
        }).toList();
    }

    @Override
    public void publish(LogRecord record) {
        if (record.getLevel().intValue() >= least.intValue()) {
            ExtLogRecord line = ExtLogRecord.wrap(record);
            line.copyMdc();
            records.add(line);
        }
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
        Logger.getLogger("").removeHandler(this);
    }
}
