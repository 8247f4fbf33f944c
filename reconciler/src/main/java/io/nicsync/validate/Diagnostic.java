package io.nicsync.validate;

import java.util.Comparator;
import java.util.Locale;
import java.util.Objects;

/**
 * One problem found in the desired state, at a place in a file.
 *
 * @param file the path of the file relative to the repository root, with {@code /} separators
 * @param line 1-based
 * @param column 1-based
 */
public record Diagnostic(String file, int line, int column, Severity severity, String message)
        implements Comparable<Diagnostic> {

    public enum Severity { ERROR, WARNING }

    private static final Comparator<Diagnostic> ORDER = Comparator.comparing(Diagnostic::file)
            .thenComparingInt(Diagnostic::line)
            .thenComparingInt(Diagnostic::column)
            .thenComparing(Diagnostic::severity)
            .thenComparing(Diagnostic::message);

    public Diagnostic {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(message, "message");
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    /** {@code FILE:LINE:COL: error: MESSAGE} (or {@code warning:}), the form compilers and editors understand. */
    public String format() {
        return file + ":" + line + ":" + column + ": " + severity.name().toLowerCase(Locale.ROOT) + ": " + message;
    }

    /** By file, line, column, then severity and message so that the order is total and stable. */
    @Override
    public int compareTo(Diagnostic o) {
        return ORDER.compare(this, o);
    }

    @Override
    public String toString() {
        return format();
    }
}
