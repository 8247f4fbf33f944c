package io.nicsync.importer;

import java.util.List;

/**
 * An import that wrote nothing: an unknown target or VM, files in the way, or output that would not
 * validate. The message is one line for people; {@link #details()} are lines to show before it, such as
 * the validation diagnostics.
 */
public final class ImportException extends Exception {
    private final List<String> details;

    public ImportException(String message) {
        this(message, List.of());
    }

    ImportException(String message, List<String> details) {
        super(message);
        this.details = List.copyOf(details);
    }

    public List<String> details() {
        return details;
    }
}
