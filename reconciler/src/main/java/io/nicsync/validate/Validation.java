package io.nicsync.validate;

import java.util.List;

/**
 * The outcome of validating the desired-state files of one commit.
 *
 * @param state the desired state, or null when there is at least one error
 * @param diagnostics every error and warning, sorted by file, line and column
 */
public record Validation(DesiredState state, List<Diagnostic> diagnostics) {
    public Validation {
        diagnostics = List.copyOf(diagnostics);
    }

    public boolean ok() {
        return state != null;
    }

    public List<Diagnostic> errors() {
        return diagnostics.stream().filter(Diagnostic::isError).toList();
    }
}
