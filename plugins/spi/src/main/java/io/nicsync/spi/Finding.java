package io.nicsync.spi;

import java.util.Objects;

/**
 * A problem a plugin finds in a desired VM before anything touches a live system.
 *
 * @param path a JSON Pointer into the {@code VmNics} document, such as {@code /spec/nics/1/binding}; the
 *     reconciler turns it into the file, line and column of that node
 */
public record Finding(String path, Severity severity, String message) {
    public enum Severity { ERROR, WARNING }

    public Finding {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(message, "message");
    }

    public static Finding error(String path, String message) {
        return new Finding(path, Severity.ERROR, message);
    }

    public static Finding warning(String path, String message) {
        return new Finding(path, Severity.WARNING, message);
    }
}
