package io.nicsync.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.Writer;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/**
 * The log of a long-running command ({@code serve}, {@code reconcile}): one line per event, with its time and level,
 * as text ({@code 2026-12-02T21:12:00.123Z INFO  Serving on ...}) or, for a cluster's log collector, as one JSON
 * object per line ({@code {"time":...,"level":"info","msg":...}}). Information goes to standard output, warnings and
 * errors to standard error. The libraries' own warnings (fabric8, jgit, the JDK's HTTP client, through SLF4J and
 * java.util.logging) are events of this log too, named by their logger, instead of being thrown away.
 */
final class EventLog {
    /** How each event line is written. */
    enum Format { TEXT, JSON }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Format format;
    private final Clock clock;
    private final PrintWriter out;
    private final PrintWriter err;

    EventLog(Format format, Clock clock, PrintWriter out, PrintWriter err) {
        this.format = format;
        this.clock = clock;
        this.out = out;
        this.err = err;
    }

    /** Libraries log nothing unless a command keeps their warnings ({@link #keepLibraryWarnings}). */
    static void quietLibraries() {
        LogManager.getLogManager().reset();
        Logger.getLogger("").setLevel(Level.OFF);
    }

    /** From now on the libraries' warnings and errors are events of this log. */
    void keepLibraryWarnings() {
        LogManager.getLogManager().reset();
        Logger root = Logger.getLogger("");
        root.setLevel(Level.WARNING);
        root.addHandler(new Handler() {
            private final SimpleFormatter text = new SimpleFormatter();

            @Override
            public void publish(LogRecord record) {
                String message = "[" + record.getLoggerName() + "] " + text.formatMessage(record);
                if (record.getThrown() != null) {
                    message += ": " + record.getThrown();
                }
                // one record, one event: a library's message may quote a command's output, line breaks and all
                event(record.getLevel().intValue() >= Level.SEVERE.intValue() ? "error" : "warn",
                        message.strip().replaceAll("\\s*\\R\\s*", " "));
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        });
    }

    /** One event; a message of several lines is an event per line, and a blank line (a plan's spacing) none. */
    synchronized void event(String level, String message) {
        PrintWriter to = level.equals("info") ? out : err;
        for (String line : message.split("\n", -1)) {
            if (line.isBlank()) {
                continue;
            }
            to.println(format == Format.JSON ? json(level, line)
                    : clock.instant() + " " + String.format(Locale.ROOT, "%-5s", level.toUpperCase(Locale.ROOT)) + " "
                            + line);
        }
        to.flush();
    }

    void info(String message) {
        event("info", message);
    }

    /** A writer whose every line is an info event: for what prints lines (a plan, a cycle's progress). */
    PrintWriter infoWriter() {
        return new PrintWriter(new Lines(false), true);
    }

    /**
     * A writer whose every line is a warning or an error event: {@code nicsync: warning: } lines are warnings (the
     * prefix dropped, the level says it), everything else (errors, diagnostics) errors.
     */
    PrintWriter problemWriter() {
        return new PrintWriter(new Lines(true), true);
    }

    private String json(String level, String line) {
        Map<String, String> doc = new LinkedHashMap<>();
        doc.put("time", clock.instant().toString());
        doc.put("level", level);
        doc.put("msg", line);
        try {
            return JSON.writeValueAsString(doc);
        } catch (JsonProcessingException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    /** Collects characters into lines and logs each line once it is complete. */
    private final class Lines extends Writer {
        private static final String WARNING = "nicsync: warning: ";
        private static final String ERROR = "nicsync: error: ";
        private final boolean problems;
        private final StringBuilder line = new StringBuilder();

        Lines(boolean problems) {
            this.problems = problems;
        }

        @Override
        public void write(char[] chars, int offset, int length) {
            synchronized (lock) {
                for (int i = offset; i < offset + length; i++) {
                    if (chars[i] == '\n') {
                        emit(line.toString());
                        line.setLength(0);
                    } else if (chars[i] != '\r') {
                        line.append(chars[i]);
                    }
                }
            }
        }

        private void emit(String text) {
            if (!problems) {
                event("info", text);
            } else if (text.startsWith(WARNING)) {
                event("warn", text.substring(WARNING.length()));
            } else {
                event("error", text.startsWith(ERROR) ? text.substring(ERROR.length()) : text);
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }
}
